#!/usr/bin/env python3
"""Deterministic generator of cooperation-news documents (English and Vietnamese).

usage: gen_corpus.py OUT_DIR --mb SIZE [--seed N] [--vi-share 0.3]

Writes ~SIZE MB of .txt files (about 4 KB each) built from invented institutions,
people, places and dates, in the shapes real news items use: signings, visits,
memberships, partnerships, appointments, events. The same seed gives the same files.
"""
import argparse, os, random

EN_PREFIX = ["Northern", "Southern", "Eastern", "Western", "Central", "Coastal", "Highland", "Delta",
             "Riverside", "Lakeside", "Metropolitan", "National", "Capital", "Pacific", "Atlantic", "Alpine"]
EN_FIELD = ["Science and Technology", "Economics", "Medicine", "Agriculture and Forestry", "Law",
            "Social Sciences and Humanities", "Foreign Languages", "Engineering", "Education",
            "Information Technology", "Architecture", "Natural Resources and Environment"]
CITIES = ["Lumen", "Brightwater", "Kestrel", "Oakridge", "Marlow", "Sandport", "Ravenna", "Thornbury",
          "Elmstead", "Corvale", "Westmoor", "Halden", "Silverton", "Ashford", "Glenhaven", "Norcastle"]
VI_CITIES = ["Sông Lam", "Bình Sơn", "Hải Đông", "Phú Xuân", "Tân An", "Kim Sơn", "Lạc Hồng", "Vĩnh Phú",
             "Thái Bình Dương", "Ngọc Lặc", "Hòa Khánh", "Quảng Phú"]
VI_FIELD = ["Khoa học Tự nhiên", "Kinh tế", "Y Dược", "Nông Lâm", "Luật", "Khoa học Xã hội và Nhân văn",
            "Ngoại ngữ", "Kỹ thuật", "Sư phạm", "Công nghệ Thông tin", "Kiến trúc", "Tài nguyên và Môi trường"]
COUNTRIES = ["Japan", "the Republic of Korea", "France", "Germany", "Australia", "Laos", "Cambodia",
             "Thailand", "China", "India", "Belgium", "Canada", "Finland", "the Netherlands"]
VI_COUNTRIES = ["Nhật Bản", "Hàn Quốc", "Pháp", "Đức", "Úc", "Lào", "Campuchia", "Thái Lan",
                "Trung Quốc", "Ấn Độ", "Bỉ", "Canada", "Phần Lan", "Hà Lan"]
COMPANIES = ["Orion Semiconductors", "Bluewave Logistics", "Greenfield Agritech", "Helix Biopharma",
             "Northstar Energy", "Quantum Fabrics", "Skyline Robotics", "Terra Mining Group"]
NETWORKS = ["Pacific Rim Universities Alliance", "Mekong Research Consortium", "Global Campus Network",
            "Association of Applied Science Universities", "Asia Learning Forum"]
GIVEN = ["Anna", "Peter", "Maria", "John", "Akira", "Min-jun", "Claire", "Lukas", "Sofia", "Daniel"]
FAMILY = ["Larsen", "Okafor", "Moreau", "Tanaka", "Kim", "Fischer", "Novak", "Rossi", "Silva", "Brennan"]
VI_FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ"]
VI_MIDDLE = ["Văn", "Thị", "Minh", "Thu", "Quốc", "Hữu", "Ngọc", "Thanh"]
VI_GIVEN = ["An", "Bình", "Cường", "Dung", "Hà", "Hùng", "Lan", "Long", "Mai", "Nam", "Phương", "Tuấn"]
ROLES = ["President", "Vice President", "Rector", "Vice Rector", "Director", "Dean"]
VI_ROLES = ["Hiệu trưởng", "Phó Hiệu trưởng", "Giám đốc", "Phó Giám đốc", "Trưởng khoa"]
TITLES = ["Prof.", "Assoc. Prof.", "Dr.", "Prof. Dr.", "Assoc. Prof. Dr."]
VI_TITLES = ["GS.TS.", "PGS.TS.", "TS.", "ThS.", "GS."]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]
FILLER = [
    "The cooperation is expected to open new opportunities for students and lecturers of both sides.",
    "Both sides agreed to strengthen exchanges of staff and students in the coming years.",
    "The delegation also toured laboratories and the library, and met with young researchers.",
    "Participants discussed joint research projects, co-supervision of doctoral students and summer schools.",
    "Over the past decade, internationalisation has become a strategic priority for the institution.",
    "The programme has so far welcomed more than two hundred exchange students from partner institutions.",
]
VI_FILLER = [
    "Hợp tác được kỳ vọng mở ra nhiều cơ hội mới cho sinh viên và giảng viên hai bên.",
    "Hai bên thống nhất tăng cường trao đổi cán bộ, sinh viên trong thời gian tới.",
    "Đoàn cũng đã tham quan phòng thí nghiệm, thư viện và gặp gỡ các nhà khoa học trẻ.",
    "Các đại biểu đã thảo luận về các dự án nghiên cứu chung và chương trình trao đổi sinh viên.",
    "Trong những năm qua, quốc tế hóa đã trở thành ưu tiên chiến lược của nhà trường.",
]


def en_uni(r):
    k = r.random()
    if k < 0.4:
        return f"{r.choice(EN_PREFIX)} University of {r.choice(EN_FIELD)}"
    if k < 0.7:
        return f"University of {r.choice(CITIES)}"
    return f"{r.choice(CITIES)} {r.choice(['University', 'Institute of Technology', 'Polytechnic University'])}"


def vi_uni(r):
    return f"Trường Đại học {r.choice(VI_FIELD)} {r.choice(VI_CITIES)}"


def en_person(r):
    return f"{r.choice(TITLES)} {r.choice(GIVEN)} {r.choice(FAMILY)}"


def vi_person(r):
    return f"{r.choice(VI_TITLES)} {r.choice(VI_FAMILY)} {r.choice(VI_MIDDLE)} {r.choice(VI_GIVEN)}"


def en_date(r):
    return f"{r.choice(MONTHS)} {r.randint(1, 28)}, {r.randint(2015, 2026)}"


def en_doc(r):
    a, b, c = en_uni(r), en_uni(r), en_uni(r)
    p, q = en_person(r), en_person(r)
    para = [
        f"{a} and {b} sign memorandum of understanding",
        f"On {en_date(r)}, {a} signed a memorandum of understanding with {b} in {r.choice(CITIES)}. "
        f"{p}, {r.choice(ROLES)} of {a}, and {q}, {r.choice(ROLES)} of {b}, attended the ceremony.",
        f"Under the agreement, the two universities will cooperate in {r.choice(['artificial intelligence', 'renewable energy', 'public health', 'linguistics', 'climate science'])} "
        f"and exchange students and staff. {r.choice(FILLER)}",
        f"{a} is a member of the {r.choice(NETWORKS)} and has partners in {r.choice(COUNTRIES)}, "
        f"{r.choice(COUNTRIES)} and {r.choice(COUNTRIES)}. {r.choice(FILLER)}",
        f"Earlier that month, a delegation from {c} led by {en_person(r)} visited {a}. "
        f"The university has also signed agreements with companies such as {r.choice(COMPANIES)} and {r.choice(COMPANIES)}.",
        f"The Faculty of {r.choice(EN_FIELD)} of {a} organized the International Conference on "
        f"{r.choice(EN_FIELD)} in {r.choice(CITIES)}, which researchers from {b} attended. {r.choice(FILLER)}",
        " ".join(r.choice(FILLER) for _ in range(3)),
    ]
    return "\n\n".join(para) + "\n"


def vi_doc(r):
    a, b = vi_uni(r), en_uni(r)
    p = vi_person(r)
    d = f"ngày {r.randint(1, 28)}/{r.randint(1, 12)}/{r.randint(2015, 2026)}"
    para = [
        f"{a} ký kết biên bản ghi nhớ hợp tác với {b}",
        f"Vào {d}, {a} đã ký kết biên bản ghi nhớ hợp tác với {b}. {p}, {r.choice(VI_ROLES)} nhà trường, "
        f"đã chủ trì buổi lễ. {r.choice(VI_FILLER)}",
        f"Theo thỏa thuận, hai bên sẽ hợp tác trong lĩnh vực {r.choice(['trí tuệ nhân tạo', 'năng lượng tái tạo', 'y tế công cộng', 'ngôn ngữ học'])}. "
        f"{a} hiện là thành viên của {r.choice(NETWORKS)} và có quan hệ hợp tác với các đối tác từ "
        f"{r.choice(VI_COUNTRIES)}, {r.choice(VI_COUNTRIES)} và {r.choice(VI_COUNTRIES)}.",
        f"Trước đó, {a} đã tiếp đoàn công tác của {en_uni(r)} do {en_person(r)} dẫn đầu. {r.choice(VI_FILLER)}",
        " ".join(r.choice(VI_FILLER) for _ in range(3)),
    ]
    return "\n\n".join(para) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--mb", type=float, default=100)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--vi-share", type=float, default=0.3)
    a = ap.parse_args()
    r = random.Random(a.seed)
    os.makedirs(a.out, exist_ok=True)
    target = int(a.mb * 1e6)
    total = n = 0
    while total < target:
        parts, size = [], 0
        while size < 4000:
            t = vi_doc(r) if r.random() < a.vi_share else en_doc(r)
            parts.append(t)
            size += len(t.encode("utf-8"))
        data = "\n".join(parts).encode("utf-8")
        sub = os.path.join(a.out, f"{n // 1000:04d}")
        os.makedirs(sub, exist_ok=True)
        with open(os.path.join(sub, f"doc{n:07d}.txt"), "wb") as f:
            f.write(data)
        total += len(data)
        n += 1
    print(f"{n} documents, {total / 1e6:.1f} MB in {a.out}")


if __name__ == "__main__":
    main()
