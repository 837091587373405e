#pragma once
// Opening a workshop in a test that needs it open: the test fails with the open's own message.
#include "kartla/workshop.hpp"

#include <doctest/doctest.h>

#include <memory>
#include <variant>

namespace kartla::test {

inline std::unique_ptr<Workshop> must(OpenResult opened) {
    if (auto* e = std::get_if<OpenError>(&opened)) FAIL("could not open: " << e->message);
    return std::move(std::get<std::unique_ptr<Workshop>>(opened));
}

}  // namespace kartla::test
