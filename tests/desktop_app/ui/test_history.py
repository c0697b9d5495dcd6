"""desktop_app/ui/history.py: back/forward like a browser, arrow-key visits collapsed."""

from __future__ import annotations

from desktop_app.ui.history import NavigationHistory, Target

A, B, C, P = Target("series", 1), Target("series", 2), Target("series", 3), Target("person", 9)


def test_back_and_forward_walk_the_visits() -> None:
    history = NavigationHistory()
    for target in (A, P, B):
        history.visit(target)
    assert history.back() == P and history.back() == A and history.back() is None
    assert history.forward() == P and history.forward() == B and history.forward() is None


def test_a_new_visit_after_going_back_drops_the_forward_entries() -> None:
    history = NavigationHistory()
    for target in (A, P, B):
        history.visit(target)
    history.back()
    history.visit(C)
    assert not history.can_go_forward()
    assert history.back() == P


def test_transient_visits_replace_each_other_until_the_user_stops() -> None:
    history = NavigationHistory()
    history.visit(A, transient=True)
    history.visit(B, transient=True)
    history.visit(C, transient=True)
    assert not history.can_go_back()
    history.visit(P)
    assert history.back() == C
    history.visit(A, transient=True)  # an entry returned to is kept
    assert history.back() == C


def test_pin_keeps_a_transient_entry() -> None:
    history = NavigationHistory()
    history.visit(A, transient=True)
    history.pin()
    history.visit(B, transient=True)
    assert history.back() == A
