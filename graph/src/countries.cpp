#include "kgmill/graph/countries.hpp"

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <map>
#include <mutex>

#include "kgmill/core/unicode.hpp"

namespace kgmill {
namespace {

struct CountryTables {
    std::map<std::string, std::string> by_key;   // match_key(name) -> code
    std::map<std::string, std::string> name_of;  // code -> English name
};

const CountryTables& tables() {
    static const CountryTables t = [] {
        CountryTables t;
        for (const char* const* cc = icu::Locale::getISOCountries(); *cc; ++cc) {
            std::string code(*cc);
            for (const char* loc : {"en", "vi"}) {
                icu::UnicodeString u;
                icu::Locale("", code.c_str()).getDisplayCountry(icu::Locale(loc), u);
                std::string s;
                u.toUTF8String(s);
                if (s.empty() || s == code) continue;
                t.by_key.emplace(match_key(s), code);
                if (std::string(loc) == "en") t.name_of.emplace(code, s);
            }
        }
        // Variants that news text uses and ICU's display names do not cover.
        static const std::pair<const char*, const char*> kVariants[] = {
            {"Viet Nam", "VN"}, {"Socialist Republic of Vietnam", "VN"},
            {"Republic of Korea", "KR"}, {"Korea", "KR"}, {"Hàn Quốc", "KR"},
            {"Lao PDR", "LA"}, {"Lao People's Democratic Republic", "LA"},
            {"Russian Federation", "RU"}, {"Liên bang Nga", "RU"}, {"Nga", "RU"},
            {"USA", "US"}, {"US", "US"}, {"United States of America", "US"}, {"America", "US"},
            {"Hoa Kỳ", "US"}, {"Mỹ", "US"}, {"UK", "GB"}, {"Britain", "GB"},
            {"Great Britain", "GB"}, {"England", "GB"}, {"Anh", "GB"},
            {"People's Republic of China", "CN"}, {"PRC", "CN"}, {"Czech Republic", "CZ"},
            {"Holland", "NL"}, {"The Netherlands", "NL"}, {"Hà Lan", "NL"},
            {"Kingdom of Cambodia", "KH"}, {"Campuchia", "KH"}, {"Taiwan", "TW"},
            {"Đài Loan", "TW"}, {"Turkey", "TR"}, {"Türkiye", "TR"}, {"Ivory Coast", "CI"},
        };
        for (auto [name, code] : kVariants) t.by_key[match_key(name)] = code;
        return t;
    }();
    return t;
}

}  // namespace

std::string country_code(std::string_view name) {
    const auto& t = tables();
    auto it = t.by_key.find(match_key(name));
    return it == t.by_key.end() ? std::string() : it->second;
}

std::string country_name(std::string_view code) {
    const auto& t = tables();
    auto it = t.name_of.find(std::string(code));
    return it == t.name_of.end() ? std::string() : it->second;
}

}  // namespace kgmill
