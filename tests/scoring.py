"""The scorer's logic, copied from ../shared/tools/score_import.py so the tests do not depend on ../shared.

Keep it in step with that file: ``score_doc`` scores one plan (``Plan.to_dict()``) against its gold
annotation, ``summarize`` totals several documents the way the scorer's last line does.
"""

# ruff: noqa: E501, B007
import re
import unicodedata

TARGET_MATCH = 0.5  # token Dice needed to pair a predicted target with a gold one
TASK_MATCH = 0.5  # likewise for tasks
FIELD_OK = 0.8  # a field counts as right from this Dice on


def fold(text):
    """Lower-case, strip Vietnamese diacritics (đ -> d), keep letters/digits/%/space."""
    text = unicodedata.normalize("NFD", str(text or "")).lower().replace("đ", "d")
    text = "".join(c for c in text if unicodedata.category(c) != "Mn")
    return re.sub(r"[^0-9a-z%/\-]+", " ", text).strip()


def tokens(text):
    return fold(text).split()


def overlap(a, b):
    """Dice coefficient of folded word multisets (1.0 when both empty): a superset or a
    fragment of the right text scores below 1."""
    ta, tb = tokens(a), tokens(b)
    if not ta and not tb:
        return 1.0
    if not ta or not tb:
        return 0.0
    counts = {}
    for t in ta:
        counts[t] = counts.get(t, 0) + 1
    common = 0
    for t in tb:
        if counts.get(t, 0) > 0:
            counts[t] -= 1
            common += 1
    return 2 * common / (len(ta) + len(tb))


def best_text_overlap(pred_texts, gold_texts):
    return max((overlap(p, g) for p in pred_texts for g in gold_texts if p or g), default=0.0)


def as_number(value):
    try:
        return float(str(value).replace(",", "."))
    except (TypeError, ValueError):
        return None


def norm_unit(unit):
    return fold(unit).replace(" ", "") or "%"


def norm_docnum(num):
    return re.sub(r"\s+", "", fold(num)).replace("-", "").replace("/", "")


def greedy_match(preds, golds, pair_score, threshold):
    pairs = []
    for i, p in enumerate(preds):
        for j, g in enumerate(golds):
            s = pair_score(p, g)
            if s >= threshold:
                pairs.append((s, i, j))
    pairs.sort(reverse=True)
    used_p, used_g, matched = set(), set(), []
    for s, i, j in pairs:
        if i in used_p or j in used_g:
            continue
        used_p.add(i)
        used_g.add(j)
        matched.append((i, j))
    return matched


def prf(n_match, n_pred, n_gold):
    if n_pred == 0 and n_gold == 0:
        return 1.0, 1.0, 1.0
    p = n_match / n_pred if n_pred else 0.0
    r = n_match / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def set_f1(pred, gold):
    ps = {norm_docnum(x) for x in pred or [] if x}
    gs = {norm_docnum(x) for x in gold or [] if x}
    return prf(len(ps & gs), len(ps), len(gs))[2]


def score_meta(pred, gold):
    p, g = pred.get("meta") or {}, gold.get("meta") or {}
    checks = {
        "number": (norm_docnum(p.get("number")) == norm_docnum(g.get("number")))
        if g.get("number") or p.get("number")
        else True,
        "issuer": overlap(p.get("issuer"), g.get("issuer")) >= FIELD_OK
        and len(tokens(p.get("issuer"))) <= 2 * max(1, len(tokens(g.get("issuer")))),
        "date": str(p.get("date") or "") == str(g.get("date") or ""),
        "period_start": str(p.get("period_start") or "") == str(g.get("period_start") or ""),
        "period_end": str(p.get("period_end") or "") == str(g.get("period_end") or ""),
    }
    values = [1.0 if ok else 0.0 for ok in checks.values()]
    values.append(set_f1(p.get("bases"), g.get("bases")))
    values.append(set_f1(p.get("supersedes"), g.get("supersedes")))
    wrong = [k for k, ok in checks.items() if not ok]
    return sum(values) / len(values), wrong


def target_pair(p, g):
    pv, gv = as_number(p.get("value")), as_number(g.get("value"))
    if pv is None or gv is None or abs(pv - gv) > 1e-6:
        return 0.0
    if norm_unit(p.get("unit")) != norm_unit(g.get("unit")):
        return 0.0
    return best_text_overlap([p.get("text"), p.get("text_vi")], [g.get("text"), g.get("text_vi")])


def task_pair(p, g):
    return best_text_overlap([p.get("content"), p.get("content_vi")], [g.get("content"), g.get("content_vi")])


def score_doc(pred, gold):
    meta, wrong_meta = score_meta(pred, gold)
    pt, gt = pred.get("targets") or [], gold.get("targets") or []
    tm = greedy_match(pt, gt, target_pair, TARGET_MATCH)
    # comparator, area and phase of every gold target; an unmatched one gets none right
    target_hits = sum(
        (str(pt[i].get("comparator") or "") == str(gt[j].get("comparator") or ""))
        + (str(pt[i].get("area") or "") == str(gt[j].get("area") or ""))
        + (overlap(pt[i].get("phase"), gt[j].get("phase")) >= FIELD_OK)
        for i, j in tm
    )
    pk, gk = pred.get("tasks") or [], gold.get("tasks") or []
    km = greedy_match(pk, gk, task_pair, TASK_MATCH)
    # every gold task's four fields count; an unmatched gold task gets none of them right
    fields = ("lead", "partners", "deadline", "output")
    field_total = len(fields) * len(gk)
    field_hits = sum(1 for i, j in km for f in fields if overlap(pk[i].get(f), gk[j].get(f)) >= FIELD_OK)
    return {
        "meta": meta,
        "wrong_meta": wrong_meta,
        "targets": (len(tm), len(pt), len(gt)),
        "tasks": (len(km), len(pk), len(gk)),
        "fields": (field_hits, field_total),
        "target_fields": (target_hits, 3 * len(gt)),
    }


def summarize(scored):
    """The scorer's summary line as a dict: overall, meta, targets_f1, target_fields, tasks_f1, task_fields."""
    tot = {"targets": [0, 0, 0], "tasks": [0, 0, 0], "fields": [0, 0], "target_fields": [0, 0]}
    metas = []
    for s in scored:
        metas.append(s["meta"])
        for key in ("targets", "tasks"):
            for k in range(3):
                tot[key][k] += s[key][k]
        for key in ("fields", "target_fields"):
            tot[key][0] += s[key][0]
            tot[key][1] += s[key][1]
    meta = sum(metas) / len(metas) if metas else 0.0
    t_f1 = prf(*tot["targets"])[2]
    k_f1 = prf(*tot["tasks"])[2]
    fields = tot["fields"][0] / tot["fields"][1] if tot["fields"][1] else 1.0
    t_fields = tot["target_fields"][0] / tot["target_fields"][1] if tot["target_fields"][1] else 1.0
    overall = (meta + t_f1 + t_fields + k_f1 + fields) / 5
    return {
        "overall": overall,
        "meta": meta,
        "targets_f1": t_f1,
        "target_fields": t_fields,
        "tasks_f1": k_f1,
        "task_fields": fields,
    }
