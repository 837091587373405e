#include "gl_frame.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>

namespace kartla::gui {

void clear_to_background(GLFWwindow* window) {
    int width = 0, height = 0;
    glfwGetFramebufferSize(window, &width, &height);
    glViewport(0, 0, width, height);
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    glClearColor(bg.x, bg.y, bg.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
}

}  // namespace kartla::gui
