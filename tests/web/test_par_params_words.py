"""A criteria set's page tells each leaf's scoring parameters in words ("đủ điểm từ 98%; 0 điểm dưới 80%"), not as
the JSON an administrator typed ({'threshold': 98, 'floor': 80})."""

from apps.par import frameworks
from apps.par.methods import describe_params


def test_it_tells_each_parameter_in_words():
    assert describe_params({"floor": 80, "threshold": 98}) == "đủ điểm từ 98%; 0 điểm dưới 80%"
    assert describe_params({"per_item": 0.5}) == "trừ 0,5 điểm mỗi nội dung thiếu"
    assert describe_params({"steps": [[100, 2], [80, 1.5]]}) == "từ 100%: 2 điểm; từ 80%: 1,5 điểm"
    assert describe_params({"below": 0.5}) == "dưới bình quân khối được 50% số điểm"
    assert describe_params({"threshold": "nhiều", "lạ": 1}) == "threshold: nhiều; lạ: 1"


def test_it_shows_the_sample_framework_without_json(client, officer, db):
    framework = frameworks.load_sample()
    client.force_login(officer)

    page = client.get(f"/chi-so-cchc/bo-tieu-chi/{framework.pk}/").content.decode()

    assert "(đủ điểm từ 100%; 0 điểm dưới 70%)" in page
    assert "&#x27;threshold&#x27;" not in page and "{&#x27;" not in page
