#pragma once
// The host side of the plugin API, shared by the GUI and the command line.
#include "kartla/plugin_api.hpp"
#include "kartla/workshop.hpp"
#include "host/message_log.hpp"
#include "host/offers.hpp"
#include "host/plugin_set.hpp"
#include "host/registry.hpp"
#include "host/session.hpp"

#include <fmt/format.h>

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace kartla {

// What the runtime's holder gives plugins through their Host (host/plugin_host.hpp):
// the words of the UI's language, the text zoom, bringing a view to the front.
// The window's shell gives all three, the command line its translations. Without
// one: the English msgids, 100 %, and no view to show.
class Frontend {
public:
    // A component's string (a plugin's id, or "core"): its catalogue first (Translations::translate_in).
    virtual const char* translate_in(std::string_view component, const char* msgid) = 0;
    // The same in another language ("sv", "en"), for a reader who is not at the screen.
    virtual const char* translate_for(std::string_view language, std::string_view component, const char* msgid) {
        (void)language;
        return translate_in(component, msgid);
    }
    virtual float ui_scale() { return 1.0f; }
    virtual void show_view(std::string_view) {}

    const char* translate(const char* msgid) { return translate_in("core", msgid); }
    // An undo step's label in the current language, from its component's catalogue.
    const char* step_text(const EditLabel& label) { return translate_in(label.component, label.msgid.c_str()); }

protected:
    ~Frontend() = default;
};

// Without a holder's frontend: the msgids themselves, at 100 %.
class EnglishFrontend final : public Frontend {
public:
    const char* translate_in(std::string_view, const char* msgid) override { return msgid; }
};

// The host side of the plugin API: the plugins, what they registered, and the
// session they work in. The window's shell and the command line each hold one.
// It only hosts: what the registrations offer is asked of offers().
class KARTLA_API Runtime {
public:
    Runtime();
    ~Runtime();
    Runtime(const Runtime&) = delete;
    Runtime& operator=(const Runtime&) = delete;

    PluginSet& plugins() { return *plugins_; }
    const PluginSet& plugins() const { return *plugins_; }
    Registry& registry() { return registry_; }
    const Registry& registry() const { return registry_; }

    // The open workshop (host/session.hpp); setting one prepares the plugins' tables in it.
    Session& session() { return session_; }
    void set_workshop(std::unique_ptr<Workshop> workshop);
    Workshop* workshop() { return session_.workshop(); }

    // What the usable plugins offer (exports, report parts, entities, table names).
    Offers offers() { return Offers(*this); }

    // Host code that is not a plugin registers under the id "core".
    Host& core_host() { return *core_host_; }

    // Calls into plugins go through here: an exception disables the plugin.
    // `what` is an English msgid ("drawing"), shown translated.
    template <typename Fn>
    bool guarded(std::string_view plugin_id, const char* what, Fn&& fn) {
        try {
            fn();
            return true;
        } catch (const std::exception& e) {
            plugins().disable(plugin_id, fmt::format("{}: {}", translate(what), e.what()));
        } catch (...) {
            plugins().disable(plugin_id, fmt::format("{}: {}", translate(what), translate("an unknown error")));
        }
        return false;
    }
    // A user's action in a plugin (an export, a command): a failure is a message
    // in the UI's language, "<failed_msgid>: <reason>", and changes nothing else;
    // the plugin stays on (only a fault out of drawing or starting, `guarded`,
    // turns one off). Returns the translated reason, empty when it went well.
    std::string attempt(std::string_view plugin_id, const char* failed_msgid, const std::function<void()>& action);

    MessageLog& messages() { return messages_; }
    // The holder's words, text zoom and view switching (none: English, 100 %).
    Frontend& frontend() const { return *frontend_; }
    void set_frontend(Frontend* frontend);
    const char* translate(const char* msgid) const { return frontend_->translate(msgid); }

private:
    Registry registry_;
    std::unique_ptr<Host> core_host_;
    Session session_;
    MessageLog messages_;
    EnglishFrontend english_;
    Frontend* frontend_;
    ImGuiContext* owned_context_ = nullptr;  // created when no window made one (command line)
    // Last: its destructor calls the plugins, which may still use all of the above.
    std::unique_ptr<PluginSet> plugins_;
};

}  // namespace kartla
