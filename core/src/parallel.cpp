#include "kgmill/core/parallel.hpp"

#include <algorithm>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace kgmill {

unsigned hardware_threads() { return std::max(1u, std::thread::hardware_concurrency()); }

void ordered_parallel_for(std::size_t n, unsigned threads, std::size_t window,
                          const std::function<void(std::size_t)>& work,
                          const std::function<void(std::size_t)>& consume) {
    if (n == 0) return;
    threads = std::max(1u, threads);
    window = std::max<std::size_t>(window, threads);
    if (threads == 1) {
        for (std::size_t i = 0; i < n; ++i) {
            work(i);
            consume(i);
        }
        return;
    }
    std::mutex mu;
    std::condition_variable cv;
    std::size_t next = 0;       // next item to hand out
    std::size_t consumed = 0;   // items consumed so far
    std::vector<char> done(n, 0);
    std::exception_ptr failure;

    auto worker = [&] {
        for (;;) {
            std::size_t i;
            {
                std::unique_lock lk(mu);
                cv.wait(lk, [&] { return next >= n || next < consumed + window || failure; });
                if (next >= n || failure) return;
                i = next++;
            }
            try {
                work(i);
            } catch (...) {
                std::lock_guard lk(mu);
                failure = std::current_exception();
            }
            {
                std::lock_guard lk(mu);
                done[i] = 1;
            }
            cv.notify_all();
        }
    };
    std::vector<std::thread> pool;
    for (unsigned t = 0; t < threads; ++t) pool.emplace_back(worker);
    for (std::size_t i = 0; i < n; ++i) {
        {
            std::unique_lock lk(mu);
            cv.wait(lk, [&] { return done[i] || failure; });
            if (failure) break;
        }
        consume(i);
        {
            std::lock_guard lk(mu);
            consumed = i + 1;
        }
        cv.notify_all();
    }
    {
        std::lock_guard lk(mu);
        if (!failure) next = std::max(next, n);
    }
    cv.notify_all();
    for (auto& t : pool) t.join();
    if (failure) std::rethrow_exception(failure);
}

}  // namespace kgmill
