// html_loader.cpp — the visible article text of an HTML page (Gumbo, HTML5 parsing).
//
// Three passes over the Gumbo tree, all iterative (an explicit stack: a pathological page
// nested 100 000 deep cannot overflow the call stack):
//   1. stats: per element, its visible text bytes and the part of it inside links, skipping
//      what is never article text (head, script, style, nav, aside, form, hidden elements,
//      boilerplate class/id names ...); lists whose text is mostly links are marked.
//   2. root: the <article> or content-like element (class/id "content", "article", "detail",
//      "post", "entry", "news", "story") with the most non-link text; among those within 85 %
//      of the best, the deepest (so the wrapper around article + sidebar loses to the article
//      itself); else <body>.
//   3. emit: block-level elements end blocks, inline ones do not; the article's <h1> goes
//      first as a kTitle block.
// Metadata: title = og:title, else the article h1, else <title>; date = a meta tag
// (article:published_time, date, pubdate, ...), JSON-LD datePublished, a <time datetime> in the
// article, else a short dateline among the first blocks ("Saturday - 31/08/2024 01:20").
#include <gumbo.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "kgmill/core/unicode.hpp"
#include "loader_internal.hpp"

namespace kgmill::loader_detail {
namespace {

std::string lower(std::string_view s) {
    std::string r(s);
    for (char& c : r)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return r;
}

const char* attr(const GumboNode* n, const char* name) {
    if (n->type != GUMBO_NODE_ELEMENT) return nullptr;
    const GumboAttribute* a = gumbo_get_attribute(&n->v.element.attributes, name);
    return a ? a->value : nullptr;
}

bool is_element(const GumboNode* n) { return n->type == GUMBO_NODE_ELEMENT; }
GumboTag tag_of(const GumboNode* n) { return is_element(n) ? n->v.element.tag : GUMBO_TAG_UNKNOWN; }

const GumboVector& children_of(const GumboNode* n) {
    static const GumboVector kEmpty = {nullptr, 0, 0};
    if (n->type == GUMBO_NODE_ELEMENT || n->type == GUMBO_NODE_TEMPLATE) return n->v.element.children;
    if (n->type == GUMBO_NODE_DOCUMENT) return n->v.document.children;
    return kEmpty;
}

const GumboNode* child(const GumboVector& v, unsigned i) { return static_cast<const GumboNode*>(v.data[i]); }

bool is_text(const GumboNode* n) {
    return n->type == GUMBO_NODE_TEXT || n->type == GUMBO_NODE_CDATA ||
           n->type == GUMBO_NODE_WHITESPACE;
}

std::size_t visible_bytes(const char* s) {
    std::size_t n = 0;
    for (; *s; ++s)
        if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r' && *s != '\f') ++n;
    return n;
}

// Splits a class/id value into its space-separated names.
std::vector<std::string> names_of(const GumboNode* n) {
    std::vector<std::string> out;
    for (const char* a : {attr(n, "class"), attr(n, "id")}) {
        if (!a) continue;
        std::string v = lower(a);
        std::size_t i = 0;
        while (i < v.size()) {
            while (i < v.size() && v[i] == ' ') ++i;
            std::size_t j = i;
            while (j < v.size() && v[j] != ' ' && v[j] != '\t' && v[j] != '\n') ++j;
            if (j > i) out.push_back(v.substr(i, j - i));
            i = j + 1;
        }
    }
    return out;
}

bool contains_any(std::string_view s, std::initializer_list<std::string_view> subs) {
    for (std::string_view sub : subs)
        if (s.find(sub) != std::string_view::npos) return true;
    return false;
}

bool is_content_name(std::string_view name) {
    return contains_any(name, {"content", "article", "detail", "post", "entry", "news", "story"});
}

// Class or id names of page furniture. Whole names, '-'/'_'-separated tokens, or substrings
// of compound names; a name that also says "content"/"article"/... is never furniture
// ("content-sidebar-wrap" holds the article).
bool is_boilerplate_name(std::string_view name) {
    static const std::unordered_set<std::string_view> kWhole = {
        "hidden", "sr-only", "visually-hidden", "d-none", "invisible", "header", "hd"};
    static const std::unordered_set<std::string_view> kToken = {
        "nav", "ads", "ad", "menu", "tags", "tag", "share", "social", "comment", "comments",
        "related", "sidebar", "footer", "breadcrumb", "breadcrumbs", "widget", "banner",
        "toolbar", "topbar", "masthead", "cookie", "popup", "modal", "login", "pagination", "pager"};
    if (is_content_name(name)) return false;
    if (kWhole.count(name)) return true;
    std::size_t i = 0;
    while (i <= name.size()) {
        std::size_t j = name.find_first_of("-_", i);
        if (j == std::string_view::npos) j = name.size();
        if (kToken.count(name.substr(i, j - i))) return true;
        i = j + 1;
    }
    return contains_any(name, {"menu", "navbar", "navigation", "breadcrumb", "footer", "sidebar",
                               "sharing", "comment", "related", "advert", "pagination",
                               "masthead", "toolbar", "topbar", "popup", "cookie"});
}

bool is_block_tag(GumboTag t) {
    switch (t) {
        case GUMBO_TAG_ADDRESS: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_ASIDE:
        case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_BODY: case GUMBO_TAG_CAPTION:
        case GUMBO_TAG_CENTER: case GUMBO_TAG_DD: case GUMBO_TAG_DETAILS:
        case GUMBO_TAG_DIR: case GUMBO_TAG_DIV: case GUMBO_TAG_DL: case GUMBO_TAG_DT:
        case GUMBO_TAG_FIELDSET: case GUMBO_TAG_FIGCAPTION: case GUMBO_TAG_FIGURE:
        case GUMBO_TAG_FOOTER: case GUMBO_TAG_FORM: case GUMBO_TAG_H1: case GUMBO_TAG_H2:
        case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
        case GUMBO_TAG_HEADER: case GUMBO_TAG_HGROUP: case GUMBO_TAG_HR: case GUMBO_TAG_LEGEND:
        case GUMBO_TAG_LI: case GUMBO_TAG_MAIN: case GUMBO_TAG_MENU: case GUMBO_TAG_NAV:
        case GUMBO_TAG_OL: case GUMBO_TAG_P: case GUMBO_TAG_PRE: case GUMBO_TAG_SECTION:
        case GUMBO_TAG_SUMMARY: case GUMBO_TAG_TABLE: case GUMBO_TAG_TBODY: case GUMBO_TAG_TD:
        case GUMBO_TAG_TFOOT: case GUMBO_TAG_TH: case GUMBO_TAG_THEAD: case GUMBO_TAG_TR:
        case GUMBO_TAG_UL: case GUMBO_TAG_OPTION: case GUMBO_TAG_HTML: case GUMBO_TAG_LISTING:
        case GUMBO_TAG_XMP: case GUMBO_TAG_PLAINTEXT:
            return true;
        default:
            return false;
    }
}

Block::Kind kind_for(GumboTag t, Block::Kind parent) {
    switch (t) {
        case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
        case GUMBO_TAG_H5: case GUMBO_TAG_H6:
            return Block::Kind::kHeading;
        case GUMBO_TAG_LI: case GUMBO_TAG_DT: case GUMBO_TAG_DD:
            return Block::Kind::kListItem;
        case GUMBO_TAG_TD: case GUMBO_TAG_TH:
            return Block::Kind::kTableCell;
        default:
            return parent == Block::Kind::kTitle ? Block::Kind::kParagraph : parent;
    }
}

struct Stats {
    std::size_t text = 0;     ///< visible non-space bytes
    std::size_t link = 0;     ///< of which inside <a>
    std::size_t anchors = 0;  ///< <a> elements with text
    int depth = 0;
    bool link_list = false;
};

class HtmlExtractor {
public:
    HtmlExtractor(const GumboOutput* out, Document& doc) : out_(out), doc_(doc) {}

    Status run() {
        scan_metadata();
        const GumboNode* body = find_first(out_->root, GUMBO_TAG_BODY);
        if (!body) body = out_->root;
        compute_stats(out_->root);
        const GumboNode* root = choose_root(body);
        const GumboNode* h1 = find_title_h1(root, body);
        TextBuilder builder(doc_);
        std::string h1_text;
        if (h1) {
            collect_text(h1, h1_text);
            builder.add(Block::Kind::kTitle, h1_text);
        }
        const std::size_t title_blocks = builder.block_count();
        emit(root, h1, builder);
        if (builder.overflowed()) return load_error(ErrorCode::kIo, doc_.path, "text larger than 4 GiB");
        if (builder.block_count() == title_blocks)
            return load_error(ErrorCode::kNoContent, doc_.path, "HTML page has no article text");
        // Title: og:title, else the article's h1, else <title>.
        if (!og_title_.empty()) doc_.title = to_nfc(og_title_);
        else if (title_blocks) doc_.title = doc_.text.substr(doc_.blocks[0].begin, doc_.blocks[0].end - doc_.blocks[0].begin);
        else doc_.title = to_nfc(title_);
        if (doc_.date.empty()) doc_.date = first_time_datetime(root);
        if (doc_.date.empty()) doc_.date = find_dateline(doc_);
        return {};
    }

private:
    // ---- skipping -------------------------------------------------------------------------

    // Never article text, whatever the page. `in_article`: an <article> is an ancestor.
    bool skipped(const GumboNode* n, bool in_article) const {
        if (n->type == GUMBO_NODE_TEMPLATE || n->type == GUMBO_NODE_COMMENT) return true;
        if (!is_element(n)) return false;
        switch (n->v.element.tag) {
            case GUMBO_TAG_HEAD: case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE:
            case GUMBO_TAG_NOSCRIPT: case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_NAV:
            case GUMBO_TAG_ASIDE: case GUMBO_TAG_FORM: case GUMBO_TAG_IFRAME: case GUMBO_TAG_SVG:
            case GUMBO_TAG_MATH: case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT:
            case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED:
            case GUMBO_TAG_CANVAS: case GUMBO_TAG_VIDEO: case GUMBO_TAG_AUDIO: case GUMBO_TAG_MAP:
            case GUMBO_TAG_FOOTER: case GUMBO_TAG_TITLE:
                return true;
            case GUMBO_TAG_HEADER:
                return !in_article;  // a page header is furniture, an article's header is not
            default:
                break;
        }
        if (attr(n, "hidden")) return true;
        if (const char* a = attr(n, "aria-hidden"); a && lower(a) == "true") return true;
        if (const char* s = attr(n, "style")) {
            std::string st;
            for (const char c : lower(s))
                if (c != ' ' && c != '\t' && c != '\n') st.push_back(c);
            if (st.find("display:none") != std::string::npos ||
                st.find("visibility:hidden") != std::string::npos)
                return true;
        }
        if (const char* r = attr(n, "role")) {
            const std::string role = lower(r);
            if (role == "navigation" || role == "banner" || role == "contentinfo" ||
                role == "complementary" || role == "search" || role == "menu" || role == "menubar")
                return true;
        }
        const GumboTag t = n->v.element.tag;
        if (t == GUMBO_TAG_A) {  // "Print", "Close page": script actions, not text
            if (const char* href = attr(n, "href")) {
                std::string_view h(href);
                while (!h.empty() && h.front() == ' ') h.remove_prefix(1);
                if (lower(h.substr(0, 11)) == "javascript:") return true;
            }
        }
        if (t != GUMBO_TAG_HTML && t != GUMBO_TAG_BODY && t != GUMBO_TAG_MAIN && t != GUMBO_TAG_ARTICLE) {
            const std::vector<std::string> names = names_of(n);
            bool content = false, furniture = false;
            for (const std::string& nm : names) {
                content = content || is_content_name(nm);
                furniture = furniture || is_boilerplate_name(nm);
            }
            if (furniture && !content) return true;
        }
        return false;
    }

    bool is_link_list(const Stats& s, GumboTag t) const {
        if (s.text == 0) return false;
        switch (t) {
            case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_MENU: case GUMBO_TAG_DL:
                return s.link * 2 > s.text;  // mostly link text
            case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_P: case GUMBO_TAG_TABLE:
            case GUMBO_TAG_TD: case GUMBO_TAG_SPAN:
                return s.anchors >= 3 && s.link * 10 > s.text * 8;  // a bare row of links
            default:
                return false;
        }
    }

    // ---- pass 1: stats --------------------------------------------------------------------

    void compute_stats(const GumboNode* top) {
        struct Frame { const GumboNode* n; int depth; bool in_article; bool exit; };
        std::vector<Frame> stack{{top, 0, false, false}};
        while (!stack.empty()) {
            const Frame f = stack.back();
            stack.pop_back();
            const GumboNode* n = f.n;
            if (!f.exit) {
                if (n->type != GUMBO_NODE_ELEMENT && n->type != GUMBO_NODE_DOCUMENT) continue;
                if (skipped(n, f.in_article)) continue;
                stats_[n].depth = f.depth;
                stack.push_back({n, f.depth, f.in_article, true});
                const bool in_article = f.in_article || tag_of(n) == GUMBO_TAG_ARTICLE;
                const GumboVector& ch = children_of(n);
                for (unsigned i = ch.length; i-- > 0;)
                    stack.push_back({child(ch, i), f.depth + 1, in_article, false});
                continue;
            }
            Stats& s = stats_[n];
            const GumboVector& ch = children_of(n);
            for (unsigned i = 0; i < ch.length; ++i) {
                const GumboNode* c = child(ch, i);
                if (c->type == GUMBO_NODE_TEXT || c->type == GUMBO_NODE_CDATA) {
                    s.text += visible_bytes(c->v.text.text);
                } else if (is_element(c)) {
                    const auto it = stats_.find(c);
                    if (it == stats_.end() || it->second.link_list) continue;
                    s.text += it->second.text;
                    s.link += it->second.link;
                    s.anchors += it->second.anchors;
                }
            }
            if (tag_of(n) == GUMBO_TAG_A && s.text > 0) {
                s.link = s.text;
                s.anchors += 1;
            }
            s.link_list = is_link_list(s, tag_of(n));
        }
    }

    bool usable(const GumboNode* n) const {
        const auto it = stats_.find(n);
        return it != stats_.end() && !it->second.link_list;
    }

    // ---- pass 2: the article root -----------------------------------------------------------

    const GumboNode* choose_root(const GumboNode* body) const {
        struct Cand { const GumboNode* n; std::size_t score; int depth; };
        std::vector<Cand> cands;
        std::vector<const GumboNode*> stack{body};
        while (!stack.empty()) {
            const GumboNode* n = stack.back();
            stack.pop_back();
            if (!is_element(n) || !usable(n)) continue;
            const Stats& s = stats_.at(n);
            bool cand = tag_of(n) == GUMBO_TAG_ARTICLE;
            if (!cand)
                for (const std::string& nm : names_of(n)) cand = cand || is_content_name(nm);
            if (cand && s.text > s.link) cands.push_back({n, s.text - s.link, s.depth});
            const GumboVector& ch = children_of(n);
            for (unsigned i = ch.length; i-- > 0;) stack.push_back(child(ch, i));
        }
        if (cands.empty()) return body;
        std::size_t best = 0;
        for (const Cand& c : cands) best = std::max(best, c.score);
        const Cand* pick = nullptr;  // deepest within 85 % of the best; document order on ties
        for (const Cand& c : cands)
            if (c.score * 100 >= best * 85 && (!pick || c.depth > pick->depth)) pick = &c;
        return pick->n;
    }

    // ---- pass 3: emit -------------------------------------------------------------------------

    void collect_text(const GumboNode* top, std::string& out) const {
        std::vector<const GumboNode*> stack{top};
        while (!stack.empty()) {
            const GumboNode* n = stack.back();
            stack.pop_back();
            if (is_text(n)) {
                out.append(n->type == GUMBO_NODE_WHITESPACE ? " " : n->v.text.text);
            } else if (is_element(n) && (n == top || usable(n))) {
                if (tag_of(n) == GUMBO_TAG_BR) out.push_back(' ');
                const GumboVector& ch = children_of(n);
                for (unsigned i = ch.length; i-- > 0;) stack.push_back(child(ch, i));
            }
        }
    }

    const GumboNode* find_h1(const GumboNode* top) const {
        std::vector<const GumboNode*> stack{top};
        while (!stack.empty()) {
            const GumboNode* n = stack.back();
            stack.pop_back();
            if (!is_element(n) || !usable(n)) continue;
            if (tag_of(n) == GUMBO_TAG_H1) {
                std::string t;
                collect_text(n, t);
                std::string folded;
                fold_whitespace(t, folded);
                if (!folded.empty()) return n;
                continue;
            }
            const GumboVector& ch = children_of(n);
            for (unsigned i = ch.length; i-- > 0;) stack.push_back(child(ch, i));
        }
        return nullptr;
    }

    // The article's h1; outside the root only when it repeats the page title.
    const GumboNode* find_title_h1(const GumboNode* root, const GumboNode* body) const {
        if (const GumboNode* h = find_h1(root)) return h;
        const GumboNode* h = find_h1(body);
        if (!h) return nullptr;
        std::string t, folded;
        collect_text(h, t);
        fold_whitespace(t, folded);
        const std::string key = lower(folded);
        for (const std::string* meta : {&og_title_, &title_}) {
            const std::string m = lower(*meta);
            if (!m.empty() && (m.find(key) != std::string::npos || key.find(m) != std::string::npos))
                return h;
        }
        return nullptr;
    }

    void emit(const GumboNode* root, const GumboNode* skip, TextBuilder& builder) const {
        struct Frame { const GumboNode* n; bool exit; };
        std::vector<Frame> stack{{root, false}};
        std::vector<Block::Kind> kinds{Block::Kind::kParagraph};
        std::string buf;
        auto flush = [&] {
            builder.add(kinds.back(), buf);
            buf.clear();
        };
        while (!stack.empty()) {
            const Frame f = stack.back();
            stack.pop_back();
            const GumboNode* n = f.n;
            if (f.exit) {
                flush();
                kinds.pop_back();
                continue;
            }
            if (is_text(n)) {
                buf.append(n->type == GUMBO_NODE_WHITESPACE ? " " : n->v.text.text);
                continue;
            }
            if (!is_element(n) || n == skip || (n != root && !usable(n))) continue;
            const GumboTag t = tag_of(n);
            if (t == GUMBO_TAG_BR || t == GUMBO_TAG_HR) {
                flush();
                continue;
            }
            const GumboVector& ch = children_of(n);
            if (is_block_tag(t)) {
                flush();
                kinds.push_back(kind_for(t, kinds.back()));
                stack.push_back({n, true});
            } else if (t == GUMBO_TAG_IMG) {
                continue;
            }
            for (unsigned i = ch.length; i-- > 0;) stack.push_back({child(ch, i), false});
        }
        flush();
    }

    // ---- metadata -----------------------------------------------------------------------------

    static const GumboNode* find_first(const GumboNode* top, GumboTag tag) {
        std::vector<const GumboNode*> stack{top};
        while (!stack.empty()) {
            const GumboNode* n = stack.back();
            stack.pop_back();
            if (tag_of(n) == tag) return n;
            const GumboVector& ch = children_of(n);
            for (unsigned i = ch.length; i-- > 0;) stack.push_back(child(ch, i));
        }
        return nullptr;
    }

    void scan_metadata() {
        // Metadata keys for the publication date, best first.
        static const char* const kDateKeys[] = {
            "article:published_time", "og:published_time", "datepublished", "date", "pubdate",
            "publishdate", "publish-date", "publish_date", "dc.date", "dc.date.issued",
            "dcterms.date", "dcterms.issued", "dcterms.created", "sailthru.date",
            "parsely-pub-date"};
        constexpr int kKeys = sizeof kDateKeys / sizeof kDateKeys[0];
        std::string dates[kKeys];
        std::string jsonld_date;
        std::vector<const GumboNode*> stack{out_->root};
        while (!stack.empty()) {
            const GumboNode* n = stack.back();
            stack.pop_back();
            if (!is_element(n)) continue;
            const GumboTag t = n->v.element.tag;
            if (t == GUMBO_TAG_TITLE && title_.empty()) {
                std::string raw;
                const GumboVector& ch = children_of(n);
                for (unsigned i = 0; i < ch.length; ++i)
                    if (is_text(child(ch, i))) raw += child(ch, i)->v.text.text;
                fold_whitespace(raw, title_);
            } else if (t == GUMBO_TAG_META) {
                const char* content = attr(n, "content");
                if (!content) continue;
                for (const char* key_attr : {"property", "name", "itemprop"}) {
                    const char* k = attr(n, key_attr);
                    if (!k) continue;
                    const std::string key = lower(k);
                    if (key == "og:title" && og_title_.empty()) fold_whitespace(content, og_title_);
                    for (int i = 0; i < kKeys; ++i)
                        if (key == kDateKeys[i] && dates[i].empty()) dates[i] = iso_date_from_meta(content);
                }
            } else if (t == GUMBO_TAG_SCRIPT) {
                const char* type = attr(n, "type");
                if (type && lower(type) == "application/ld+json" && jsonld_date.empty()) {
                    const GumboVector& ch = children_of(n);
                    for (unsigned i = 0; i < ch.length && jsonld_date.empty(); ++i) {
                        if (!is_text(child(ch, i))) continue;
                        const std::string_view js = child(ch, i)->v.text.text;
                        const std::size_t k = js.find("\"datePublished\"");
                        if (k == std::string_view::npos) continue;
                        const std::size_t q = js.find('"', js.find(':', k + 15) + 1);
                        if (q != std::string_view::npos) jsonld_date = iso_date_from_meta(js.substr(q + 1, 40));
                    }
                }
                continue;
            }
            const GumboVector& ch = children_of(n);
            for (unsigned i = ch.length; i-- > 0;) stack.push_back(child(ch, i));
        }
        for (const std::string& d : dates)
            if (!d.empty()) { doc_.date = d; return; }
        doc_.date = jsonld_date;
    }

    std::string first_time_datetime(const GumboNode* root) const {
        std::vector<const GumboNode*> stack{root};
        while (!stack.empty()) {
            const GumboNode* n = stack.back();
            stack.pop_back();
            if (!is_element(n) || (n != root && !usable(n))) continue;
            if (n->v.element.tag == GUMBO_TAG_TIME)
                if (const char* dt = attr(n, "datetime"))
                    if (std::string d = iso_date_from_meta(dt); !d.empty()) return d;
            const GumboVector& ch = children_of(n);
            for (unsigned i = ch.length; i-- > 0;) stack.push_back(child(ch, i));
        }
        return {};
    }

    const GumboOutput* out_;
    Document& doc_;
    std::unordered_map<const GumboNode*, Stats> stats_;
    std::string title_;
    std::string og_title_;
};

struct GumboHolder {
    GumboOutput* out;
    ~GumboHolder() { gumbo_destroy_output(&kGumboDefaultOptions, out); }
};

}  // namespace

Status load_html(std::string_view utf8, Document& doc) {
    GumboHolder holder{gumbo_parse_with_options(&kGumboDefaultOptions, utf8.data(), utf8.size())};
    if (!holder.out || !holder.out->root)
        return load_error(ErrorCode::kParse, doc.path, "HTML parser failed");
    HtmlExtractor ex(holder.out, doc);
    return ex.run();
}

}  // namespace kgmill::loader_detail
