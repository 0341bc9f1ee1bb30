#include "kgmill/core/triple.hpp"

#include <algorithm>

namespace kgmill {

const std::string& Triple::property(const std::string& key) const {
    static const std::string kEmpty;
    for (const auto& [k, v] : properties)
        if (k == key) return v;
    return kEmpty;
}

void Triple::set_property(const std::string& key, std::string value) {
    auto it = std::lower_bound(properties.begin(), properties.end(), key,
                               [](const auto& p, const std::string& k) { return p.first < k; });
    if (it != properties.end() && it->first == key)
        it->second = std::move(value);
    else
        properties.insert(it, {key, std::move(value)});
}

}  // namespace kgmill
