from apps.units.access import Access


def current_roles(request):
    """Expose the permission helper to templates as ``access``."""
    if not hasattr(request, "user"):
        return {}
    return {"access": Access.of(request)}
