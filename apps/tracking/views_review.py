"""The standing officer's review queue: agencies' task updates and figures waiting, accepted or returned one by
one or several at once, a page of each at a time."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render

from apps.tracking import review
from apps.units.access import Access
from cchc.listing import PAGE, paged

UPDATES_PAGE, FIGURES_PAGE = PAGE, "trang-so-lieu"  # each list of the queue pages on its own


def _require_manager(access: Access) -> set[int]:
    if not access.managed_unit_ids:
        raise PermissionDenied(review.NOT_A_MANAGER)
    return access.managed_unit_ids


@login_required
def queue(request):
    access = Access.of(request)
    unit_ids = _require_manager(access)
    if request.method == "POST":
        return _decide(request, unit_ids)
    updates = paged(request, review.pending_updates(unit_ids), UPDATES_PAGE, review.PER_PAGE)
    figures = paged(request, review.with_previous(review.pending_figures(unit_ids)), FIGURES_PAGE, review.PER_PAGE)
    for figure in figures.page:
        figure.previous_period = review.previous_period(figure)
    total = updates.page.paginator.count + figures.page.paginator.count
    shown = len(updates.page) + len(figures.page)
    new = review.new_since_last_look(request.user, list(updates.page), list(figures.page), everything=shown == total)
    context = {"updates": updates, "figures": figures, "total": total, "shown": shown, "new": new}
    return render(request, "tracking/review_queue.html", context)


def _decide(request, unit_ids: set[int]):
    post = request.POST
    if post.get("accept_one"):
        items, action, reason = [post["accept_one"]], "accept", ""
    elif post.get("return_one"):
        item = post["return_one"]
        items, action, reason = [item], "return", post.get(f"reason:{item}", "")
    else:
        items, action, reason = post.getlist("item"), post.get("action", ""), post.get("reason", "")
    parsed = review.parse_items(items)
    if action not in ("accept", "return"):
        messages.error(request, "Hãy bấm “Chấp nhận” hoặc “Trả lại”.")
    elif not parsed:
        messages.error(request, "Chưa chọn mục nào: đánh dấu ô bên cạnh các cập nhật, số liệu cần duyệt.")
    elif len(reason) > review.MAX_REASON:
        messages.error(request, f"Lý do trả lại dài quá {review.MAX_REASON} ký tự; hãy viết ngắn lại.")
    else:
        outcome = review.decide_many(request.user, unit_ids, parsed, action, reason)
        if outcome.accepted:
            messages.success(request, f"Đã chấp nhận {outcome.accepted} mục; báo cáo định kỳ sẽ tính các mục này.")
        if outcome.returned:
            messages.success(request, f"Đã trả lại {outcome.returned} mục; người gửi sẽ nhận được thông báo kèm lý do.")
        for problem in outcome.problems:
            messages.error(request, problem.message)
    return redirect(request.get_full_path())  # the same pages: what was decided leaves them, the rest moves up
