// kgmill/core/parallel.hpp — ordered parallel map over a sequence, bounded in flight.
//
// Work items run on `threads` workers; results are handed to `consume` in input order,
// and at most `window` items are in flight, so memory stays bounded however long the input.
#pragma once
#include <cstddef>
#include <functional>

namespace kgmill {

/// Number of hardware threads (at least 1).
unsigned hardware_threads();

/// Runs work(i) for i in [0, n) on `threads` threads and calls consume(i) in order 0..n-1
/// on the calling thread. work must be thread-safe; consume is never concurrent.
/// `window` bounds how far work may run ahead of consume.
void ordered_parallel_for(std::size_t n, unsigned threads, std::size_t window,
                          const std::function<void(std::size_t)>& work,
                          const std::function<void(std::size_t)>& consume);

}  // namespace kgmill
