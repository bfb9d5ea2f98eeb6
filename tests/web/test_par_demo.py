"""The PAR demo: Mao Điền locked and appraised in round 1 with one explanation asked, Kẽ Sắt still self-scoring;
running it again changes nothing."""

from apps.audit.models import AuditEntry
from apps.par.demo import add_par
from apps.par.models import Assessment, AssessmentState, ScoreEntry


def test_it_leaves_mao_dien_in_round_one_and_ke_sat_self_scoring(
    settings, tmp_path, officer, other_commune_officer, reviewer
):
    settings.MEDIA_ROOT = tmp_path
    add_par(say=lambda *_: None)
    maodien = Assessment.objects.get(unit__code="mao-dien")
    assert maodien.state == AssessmentState.ROUND1 and maodien.signed_name
    assert maodien.scores.filter(explanation_asked=True).count() == 1
    assert maodien.scores.filter(self_score__isnull=True, applicable=True).count() == 0
    kesat = Assessment.objects.get(unit__code="ke-sat")
    assert kesat.state == AssessmentState.SELF and kesat.self_open()
    assert 0 < kesat.scores.filter(self_score__isnull=False).count() < kesat.scores.count()
    before = (ScoreEntry.objects.count(), AuditEntry.objects.count())
    add_par(say=lambda *_: None)
    assert (ScoreEntry.objects.count(), AuditEntry.objects.count()) == before
