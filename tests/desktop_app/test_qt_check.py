"""qt_check names the package to install instead of letting Qt abort with its plugin error."""

from __future__ import annotations

from desktop_app.qt_check import (
    PACKAGES,
    install_advice,
    missing_libraries,
    platforms_to_try,
    plugin_path,
    startup_problem,
)


def test_platforms_follow_qts_choice() -> None:
    assert platforms_to_try({"DISPLAY": ":0"}) == ["xcb"]
    assert platforms_to_try({"XDG_SESSION_TYPE": "wayland", "DISPLAY": ":0"}) == [
        "wayland", "xcb"]
    assert platforms_to_try({"WAYLAND_DISPLAY": "wayland-0"}) == ["wayland", "xcb"]
    assert platforms_to_try({"QT_QPA_PLATFORM": "xcb", "WAYLAND_DISPLAY": "w"}) == ["xcb"]
    assert platforms_to_try({"QT_QPA_PLATFORM": "offscreen"}) == []
    assert platforms_to_try({"QT_QPA_PLATFORM": "wayland;offscreen"}) == []


def test_advice_names_the_debian_and_fedora_packages() -> None:
    advice = install_advice("xcb", ["libxcb-cursor.so.0", "libxcb-icccm.so.4"])

    assert "sudo apt install libxcb-cursor0 libxcb-icccm4" in advice
    assert "sudo dnf install xcb-util-cursor xcb-util-wm" in advice
    assert "libxcb-cursor.so.0" in advice


def test_advice_lists_a_library_we_have_no_package_for() -> None:
    advice = install_advice("xcb", ["libunheard-of.so.3"])

    assert "apt install" not in advice
    assert "libunheard-of.so.3" in advice


def test_the_headless_platform_needs_nothing() -> None:
    assert startup_problem({"QT_QPA_PLATFORM": "offscreen"}) is None


def test_every_library_missing_here_has_a_package() -> None:
    """On machines without X libraries (CI containers) this checks our table against ldd."""
    for platform in ("xcb", "wayland"):
        plugin = plugin_path(platform)
        assert plugin is not None, f"PySide6 ships no {platform} plugin"
        assert set(missing_libraries(plugin)) <= set(PACKAGES)


def test_a_display_platform_either_loads_or_says_what_to_install() -> None:
    problem = startup_problem({"QT_QPA_PLATFORM": "xcb"})

    assert problem is None or "sudo apt install" in problem
