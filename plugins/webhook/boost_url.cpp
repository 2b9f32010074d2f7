// Boost.URL has no compiled library in Debian 12's Boost 1.81; its documented header-only mode
// compiles the library's sources into exactly one translation unit of the program: this one.
#include <boost/url/src.hpp>
