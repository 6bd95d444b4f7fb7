// Whether this build runs under AddressSanitizer (GCC and Clang announce it differently).  Code
// that does something ASan cannot follow -- leaving memory allocated at exit, growing the main
// thread's stack past the size ASan recorded at start-up -- takes the plain path instead.
#pragma once

namespace mpy {

#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool kAddressSanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool kAddressSanitizer = true;
#else
inline constexpr bool kAddressSanitizer = false;
#endif
#else
inline constexpr bool kAddressSanitizer = false;
#endif

}  // namespace mpy
