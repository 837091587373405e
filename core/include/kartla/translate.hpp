#pragma once
// The SDK: how a plugin's model takes the user's language without a window.

#include <functional>

namespace kartla {

// Host::tr, or a stand-in: the one shape every plugin's model is given the
// words of the UI's language in. The text returned lives as long as the host's
// catalogue (or is the msgid itself).
using Translate = std::function<const char*(const char* msgid)>;

// The stand-in for tests and English output: the msgid itself.
inline const char* untranslated(const char* msgid) { return msgid; }

}  // namespace kartla
