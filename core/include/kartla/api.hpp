#pragma once
// Marks the symbols of libkartla_core that plugins and the host may use.
#define KARTLA_API __attribute__((visibility("default")))
