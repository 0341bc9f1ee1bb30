// graph/src/huge_pages.hpp — big arrays filled once at load time (internal). Asks Linux for
// transparent huge pages on their aligned interior before they are first written: a graph of
// millions of relations otherwise takes one page fault per 4 KiB, which dominates loading
// (and is many times dearer in a virtual machine). Only a hint: no effect elsewhere.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#ifdef __linux__
#include <sys/mman.h>
#endif

namespace kgmill {

inline void advise_huge_pages(const void* p, std::size_t bytes) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
    constexpr std::uintptr_t k2M = std::uintptr_t{1} << 21;
    if (!p || bytes < 2 * k2M) return;
    const auto a = reinterpret_cast<std::uintptr_t>(p);
    const std::uintptr_t b = (a + k2M - 1) & ~(k2M - 1), e = (a + bytes) & ~(k2M - 1);
    if (e > b) madvise(reinterpret_cast<void*>(b), e - b, MADV_HUGEPAGE);
#else
    (void)p;
    (void)bytes;
#endif
}

/// v.reserve(n), with huge pages advised for the new storage (call before filling v).
template <class T>
void reserve_huge(std::vector<T>& v, std::size_t n) {
    if (v.capacity() >= n) return;
    v.reserve(n);
    advise_huge_pages(v.data(), n * sizeof(T));
}

}  // namespace kgmill
