// extractors/src/model.hpp — internal: the compiled resources (gazetteers, word lists, rules)
// and the per-document annotation types that the pipeline stages pass along.
//
//   Resources (immutable after load_resources) ──► find_mentions ──► resolve ──► match rules
//
// Entity classes in rule files: ORG, UNK (capitalised name of unknown kind), ORG~ (= ORG|UNK),
// PERSON, COUNTRY, PLACE, LOC (= COUNTRY|PLACE), EVENT, PROGRAM, FIELD, ROLE, AGENT (= ORG~|PERSON),
// ANY, or any entity label of ONTOLOGY.md ("University", "Unit", …), joined with '|'.
#pragma once
#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "kgmill/core/ontology.hpp"
#include "kgmill/core/status.hpp"
#include "lexicon.hpp"
#include "tokenizer.hpp"

namespace re2 { class RE2; }

namespace kgmill::ex {

// ---- entity classes (bit sets) ----
constexpr std::uint32_t type_bit(EntityType t) { return 1u << static_cast<unsigned>(t); }
constexpr std::uint32_t kClsUnk = 1u << 20;
constexpr std::uint32_t kClsRole = 1u << 21;
std::uint32_t org_bits();
/// Parses "ORG|COUNTRY"; false on an unknown name (its text goes to `bad`).
bool parse_classes(std::string_view spec, std::uint32_t& bits, std::string& bad);

// ---- gazetteer ----
struct GazEntry {
    EntityType type = EntityType::kOrganization;
    std::string name;     ///< canonical name
    std::string country;  ///< ISO code where known
    bool acronym = false; ///< must be written in capitals ("WHO", not "who")
};

struct HeadEntry {
    EntityType type = EntityType::kOrganization;
    bool prefix_vi = false;  ///< Vietnamese head: starts the name ("Đại học …")
};

enum CtxKind : std::uint8_t { kCtxNone, kCtxFocus, kCtxEvent, kCtxHost, kCtxPair, kCtxGuest, kCtxSigner };

enum ConnKind : std::uint8_t { kConnNone, kConnOf, kConnAnd, kConnAmp, kConnThe, kConnOn };

// ---- rules ----
enum class ElemKind { kEnt, kList, kWord, kGap, kTok, kRe, kStart, kEnd };

struct Elem {
    ElemKind kind = ElemKind::kWord;
    std::uint32_t cls = 0;     ///< kEnt/kList: allowed classes
    int slot = -1;             ///< capture slot
    bool opt = false;
    int min = 1;               ///< kList: minimum items
    bool hint = false;         ///< kList: type unknown items from a preceding category noun
    WordSet words;             ///< kWord alternatives
    int gap_max = 0;           ///< kGap
    std::uint32_t gap_no = 0;  ///< kGap: entity classes not allowed inside
    WordSet gap_stop;          ///< kGap: words not allowed inside
    std::uint16_t shape = 0;   ///< kTok
    std::shared_ptr<const re2::RE2> re;  ///< kRe (full match of the token text)
};

struct Emit {
    int s = -1, o = -1;  ///< capture slots
    RelationType p = RelationType::kCooperatesWith;
    bool planned = false;
    bool pairs = false;       ///< every pair inside slot s
    bool s_focus = false;     ///< subject: the document's focus organisation when s is empty
    bool o_focus = false;     ///< object: the focus organisation when o is empty
    /// Where an empty subject / object comes from (rule files: "s_ctx" / "o_ctx"): the focus
    /// organisation, the event of the context (the last one named), the host of the last visit,
    /// the parties of the last pair relation ("the two sides"), or the guest of the last visit.
    std::uint8_t s_ctx = 0, o_ctx = 0;
    std::optional<EntityType> s_type, o_type;  ///< coerce the entity's type
    int role = -1, field = -1;                 ///< slots whose text becomes role / field
    int s_alt = -1, o_alt = -1;                ///< slots that replace s / o when they captured something
    std::string role_text;                     ///< fixed role
    bool agreement = false;                    ///< also make an Agreement node when specific
};

struct Rule {
    std::string id;
    std::string file;
    double confidence = 0.8;
    std::vector<Elem> pat;
    std::vector<Emit> emits;
    int nslots = 0;
    /// First words of each mandatory word element: a sentence must hold one of each group.
    std::vector<std::vector<std::int32_t>> required;
    /// Its subjects replace those other rules give the same object in the same sentence.
    bool exclusive = false;
    /// A general, lower-confidence rule: its triples are dropped where a rule without this flag
    /// gives the same relation type in the same sentence (rule files: "fallback": true).
    bool fallback = false;
    /// "ĐHTS ký mới 27 văn bản với các đối tác": remembers the capture as the signer that a later
    /// "Các đối tác mới gồm A, B" refers to (rule files: "sets_signer": "s").
    int sets_signer = -1;
};

struct ListSyntax {
    WordSet separators, skip_before, skip_after;
    WordSet item_suffix;  ///< "under", "of": an item's own parent ("X under Y") is skipped
    WordSet appo_links;   ///< "of", "at", "của": inside a person's apposition ("A, Dean of the Faculty of X, and B")
    WordSet relative;     ///< "who", "which": a relative clause after a person item is skipped
    WordSet appo_open;    ///< "a", "an", "one of": an apposition after an organisation item (", a research body based in X,")
    std::vector<std::string> parent_prefixes;  ///< "Đại học": "Trường Đại học X, Đại học Y" names X's parent
};

struct LangRules {
    std::vector<Rule> rules;
    std::unordered_map<std::int32_t, std::vector<int>> trigger_index;  ///< first words → rules
    std::vector<int> untriggered;                                      ///< rules without a word
    WordSet negation, negation_except, planned, specific_signing, mou_words, loi_words;
    ListSyntax list;
};

struct Resources {
    Lexicon lex;
    // word lists (data/gazetteers/words.json)
    WordSet honorifics, role_titles, role_modifiers, role_bodies, role_connectors, role_body_prefix;
    WordSet name_possessors;  // "Women's University": a possessive inside a name
    WordSet stop_caps, acronym_stop, event_anaphors, weekdays, located_office_heads, place_suffix_heads;
    WordSet vi_stop, vi_connectors, people_groups, place_lower_heads, vi_place_heads, section_stop, vi_surnames;
    WordSet vi_break;          ///< Vietnamese words that end a name (function words, verbs)
    WordSet vi_name_tail_end;  ///< what may follow lower-case words that end a Vietnamese name
    WordSet pair_anaphors;     ///< "the two institutions", "hai bên": the parties of the last pair relation
    WordSet organizer_anaphors;  ///< "all three organisers": the organisers of the event of the context
    WordSet role_qualifiers;   ///< "for", "phụ trách": a role's remit ("Vice President for International Affairs")
    WordSet program_heads_lower;  ///< "project", "dự án": lower-case words that make a name a programme
    WordSet not_names;
    WordSet name_particles;    ///< "de", "van", "von": lower-case words inside persons' names         ///< capitalised phrases that are never names ("Letter of Intent")
    WordSet field_stop;        ///< words that end a topic phrase in an event name ("… on X in Hanoi")
    std::unordered_map<std::int32_t, int> month_of;            ///< month word → 1..12
    PhraseTrie anaphor_heads;                                  ///< "university", "nhà trường" → index into anaphor_types
    std::vector<EntityType> anaphor_types;
    std::vector<std::int32_t> anaphor_group;                   ///< per anaphor_types entry: its synonym group
    std::vector<std::vector<std::string>> anaphor_group_words; ///< lower-case synonyms ("university|université|đại học")
    std::unordered_map<std::int32_t, ConnKind> connectors;
    std::unordered_map<std::int32_t, std::int32_t> demonym_country;  ///< lex → gazetteer entry
    std::unordered_set<std::int32_t> common_words;
    PhraseTrie gaz;
    std::vector<GazEntry> gaz_entries;
    PhraseTrie heads;
    std::vector<HeadEntry> head_entries;
    PhraseTrie categories;
    PhraseTrie vi_head_en;                          ///< Vietnamese head → index into vi_head_en_names
    std::vector<std::pair<std::string, bool>> vi_head_en_names;  ///< English head, true for "X of Y" order
    std::vector<EntityType> category_types;
    LangRules en, vi;
};

/// Loads data_dir/gazetteers/* and data_dir/rules/{en,vi}/*.json. Errors name the file.
Result<std::shared_ptr<const Resources>> load_resources(const std::string& data_dir);

// ---- per-document annotations ----
struct Mention {
    std::uint32_t t0 = 0, t1 = 0;  ///< token range [t0, t1) covered (titles, parentheses included)
    std::uint32_t b = 0, e = 0;    ///< byte range of the name itself
    EntityType type = EntityType::kOrganization;
    bool unk = false;      ///< capitalised name of unknown kind
    bool role = false;     ///< a role phrase, not an entity
    bool anaphor = false;  ///< "the University": resolved to an earlier entity
    bool acronym = false;
    bool group = false;    ///< "the two institutions": the parties of the last pair relation
    bool organizers = false;  ///< (a group) "all three organisers": those of the event of the context
    bool weak = false;     ///< a lone capitalised word opening a sentence: a name only if the text names it elsewhere
    bool qualified = false;
    std::int32_t head_group = -1;  ///< anaphors: the synonym group of the head word  ///< an anaphor with a modifier ("the German university", "the Lyon-based institute")
    std::int32_t head_lex = -1;  ///< anaphor / event head word
    std::string name;      ///< name as it should be output (title stripped, canonical for gazetteer)
    std::string alias;     ///< another name given here (acronym in parentheses, surface form)
    std::string alias2;    ///< a second one (the name in the other language in parentheses)
    int entity = -1;       ///< document entity after resolution
    int sentence = -1;
};

struct Sentence {
    std::uint32_t b = 0, e = 0;
    std::uint32_t tok0 = 0, tok1 = 0;  ///< token range in the document token vector
    bool vi = false;
    bool heading = false;     ///< all-capitals heading: no relations from it
    bool title_case = false;  ///< Title Case line (a title): weighs for the focus
    bool headline = false;    ///< a line without final punctuation (title, heading, caption)
};

}  // namespace kgmill::ex
