"""The admin's account page as a browser posts it, for the tests that change accounts there."""


def account_form(user, memberships: list[dict], tokens: int = 0) -> dict:
    """The admin's account page as posted: the user's fields and the role inline rows."""
    form = {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "is_active": "on",
        "last_login_0": "",
        "last_login_1": "",
        "date_joined_0": "2026-01-01",
        "date_joined_1": "08:00:00",
        "memberships-TOTAL_FORMS": len(memberships),
        "memberships-INITIAL_FORMS": sum(1 for m in memberships if m.get("id")),
        "memberships-MIN_NUM_FORMS": 0,
        "memberships-MAX_NUM_FORMS": 1000,
        "api_tokens-TOTAL_FORMS": tokens,
        "api_tokens-INITIAL_FORMS": tokens,
        "api_tokens-MIN_NUM_FORMS": 0,
        "api_tokens-MAX_NUM_FORMS": 1000,
    }
    for i, row in enumerate(memberships):
        for key, value in row.items():
            form[f"memberships-{i}-{key}"] = value
        form[f"memberships-{i}-user"] = user.pk
    return form
