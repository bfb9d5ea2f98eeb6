"""The SIPAS questionnaire as data: what a ``Questionnaire`` row's ``content`` and ``method`` hold, read into typed
values, and the standard one cchc ships (the five factors of QĐ 1001/QĐ-BNV, to be adjusted by the city).

``content``::

    {"respondent": [{"code": "gender", "text": "Giới tính", "choices": ["Nam", "Nữ"]}, …],   # all optional
     "factors": [{"code": "access", "name": "Tiếp cận dịch vụ", "items": [{"code": "access.1", "text": "…"}]}, …],
     "overall": {"code": "overall", "text": "Nhìn chung …"},
     "improve": {"text": "…", "choices": ["…", …]},
     "comment": {"text": "…"}}

``method`` (the national formula is not fully published, so it is data too)::

    {"satisfied": [4, 5], "factor": "mean_of_items", "overall": "mean_of_factors" | "question", "margin": 0.05}
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from apps.dashboards.templatetags.figures_tags import num

# the five-level scale; 0 is "no opinion" and is not a valid answer to count
SCALE = [
    (5, "Rất hài lòng"),
    (4, "Hài lòng"),
    (3, "Bình thường"),
    (2, "Không hài lòng"),
    (1, "Rất không hài lòng"),
]
NO_OPINION = 0
VALID_LEVELS = {level for level, _ in SCALE}
FACTOR_METHODS = {"mean_of_items": "trung bình tỷ lệ hài lòng của các tiêu chí"}
OVERALL_METHODS = {
    "mean_of_factors": "trung bình tỷ lệ hài lòng của 5 yếu tố",
    "question": "tỷ lệ hài lòng ở câu hỏi đánh giá chung",
}
COMMENT_MAX = 1000


class QuestionnaireError(ValueError):
    """A questionnaire's content or method that cannot be used, with a message the city can act on."""


@dataclass(frozen=True)
class Item:
    code: str
    text: str


@dataclass(frozen=True)
class Factor:
    code: str
    name: str
    items: tuple[Item, ...]


@dataclass(frozen=True)
class Choice:
    code: str
    text: str
    choices: tuple[str, ...]


@dataclass(frozen=True)
class Method:
    satisfied: frozenset[int]
    factor: str
    overall: str
    margin: Decimal

    def describe(self) -> str:
        levels = " + ".join(label for level, label in reversed(SCALE) if level in self.satisfied)
        return (
            f"Tỷ lệ hài lòng của một tiêu chí = số phiếu chọn {levels} / số phiếu trả lời tiêu chí đó (không tính "
            f"“Không ý kiến”); một yếu tố = {FACTOR_METHODS[self.factor]}; chung = {OVERALL_METHODS[self.overall]}. "
            f"Cỡ mẫu cần thiết n = N / (1 + N·e²), e = {num(self.margin * 100, '%')}."
        )


@dataclass(frozen=True)
class Form:
    respondent: tuple[Choice, ...]
    factors: tuple[Factor, ...]
    overall: Item
    improve: Choice
    comment: str
    method: Method

    @property
    def items(self) -> list[Item]:
        """Every question on the scale: the factors' items, then the overall question."""
        return [item for factor in self.factors for item in factor.items] + [self.overall]


def _text(value, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise QuestionnaireError(f"{where}: thiếu nội dung câu hỏi.")
    return value.strip()


def read(content: dict, method: dict) -> Form:
    """The questionnaire as typed values; QuestionnaireError says what is wrong (codes must be unique)."""
    if not isinstance(content, dict) or not isinstance(method, dict):
        raise QuestionnaireError("Nội dung phiếu và phương pháp tính phải là đối tượng JSON.")
    codes: set[str] = set()

    def code(value, where: str) -> str:
        if not isinstance(value, str) or not value.strip():
            raise QuestionnaireError(f"{where}: thiếu mã (code).")
        if value in codes:
            raise QuestionnaireError(f"{where}: mã “{value}” bị trùng; mỗi câu hỏi cần một mã riêng.")
        codes.add(value)
        return value

    def choice(raw, where: str) -> Choice:
        choices = raw.get("choices") if isinstance(raw, dict) else None
        if not isinstance(choices, list) or not all(isinstance(c, str) and c.strip() for c in choices):
            raise QuestionnaireError(f"{where}: cần danh sách lựa chọn (choices).")
        return Choice(code(raw.get("code", where), where), _text(raw.get("text"), where), tuple(choices))

    respondent = tuple(
        choice(raw, f"Câu hỏi về người trả lời {n}") for n, raw in enumerate(content.get("respondent") or [], 1)
    )
    factors = []
    for n, raw in enumerate(content.get("factors") or [], 1):
        where = f"Yếu tố {n}"
        if not isinstance(raw, dict):
            raise QuestionnaireError(f"{where}: không đúng dạng.")
        items = tuple(
            Item(
                code(item.get("code") if isinstance(item, dict) else None, f"{where}, tiêu chí {m}"),
                _text(item.get("text"), f"{where}, tiêu chí {m}"),
            )
            for m, item in enumerate(raw.get("items") or [], 1)
        )
        if not items:
            raise QuestionnaireError(f"{where}: cần ít nhất một tiêu chí.")
        factors.append(Factor(code(raw.get("code"), where), _text(raw.get("name"), where), items))
    if not factors:
        raise QuestionnaireError("Phiếu cần ít nhất một yếu tố có tiêu chí.")
    overall_raw = content.get("overall") or {}
    overall = Item(
        code(overall_raw.get("code", "overall"), "Câu hỏi chung"), _text(overall_raw.get("text"), "Câu hỏi chung")
    )
    improve_raw = content.get("improve") or {"code": "improve", "text": "Cần cải thiện", "choices": []}
    improve = Choice(
        code(improve_raw.get("code", "improve"), "Nội dung cần cải thiện"),
        _text(improve_raw.get("text"), "Nội dung cần cải thiện"),
        tuple(c for c in improve_raw.get("choices") or [] if isinstance(c, str) and c.strip()),
    )
    comment = (content.get("comment") or {}).get("text") or "Ý kiến khác"
    return Form(respondent, tuple(factors), overall, improve, comment, read_method(method))


def read_method(raw: dict) -> Method:
    satisfied = raw.get("satisfied", [4, 5])
    if not isinstance(satisfied, list) or not satisfied or not set(satisfied) <= VALID_LEVELS:
        raise QuestionnaireError("Phương pháp: “satisfied” phải là danh sách mức trong 1–5, ví dụ [4, 5].")
    factor = raw.get("factor", "mean_of_items")
    overall = raw.get("overall", "mean_of_factors")
    if factor not in FACTOR_METHODS:
        raise QuestionnaireError(f"Phương pháp: “factor” phải là một trong {', '.join(FACTOR_METHODS)}.")
    if overall not in OVERALL_METHODS:
        raise QuestionnaireError(f"Phương pháp: “overall” phải là một trong {', '.join(OVERALL_METHODS)}.")
    try:
        margin = Decimal(str(raw.get("margin", "0.05")))
    except ArithmeticError:
        margin = Decimal(-1)
    if not Decimal("0") < margin < Decimal("1"):
        raise QuestionnaireError("Phương pháp: sai số “margin” phải nằm giữa 0 và 1, ví dụ 0.05.")
    return Method(frozenset(satisfied), factor, overall, margin)


def _factor(code: str, name: str, texts: list[str]) -> dict:
    return {"code": code, "name": name, "items": [{"code": f"{code}.{n}", "text": t} for n, t in enumerate(texts, 1)]}


STANDARD_NAME = "Phiếu khảo sát SIPAS (theo QĐ 1001/QĐ-BNV, mẫu chuẩn)"
STANDARD_METHOD = {"satisfied": [4, 5], "factor": "mean_of_items", "overall": "mean_of_factors", "margin": 0.05}
STANDARD_CONTENT = {
    "respondent": [
        {"code": "gender", "text": "Giới tính", "choices": ["Nam", "Nữ", "Khác"]},
        {"code": "age", "text": "Độ tuổi", "choices": ["Dưới 25", "25–39", "40–54", "55 trở lên"]},
        {
            "code": "field",
            "text": "Lĩnh vực thủ tục vừa giải quyết",
            "choices": [
                "Hộ tịch",
                "Chứng thực",
                "Đất đai",
                "Xây dựng",
                "Đầu tư, kinh doanh",
                "Lao động, xã hội",
                "Khác",
            ],
        },
        {"code": "channel", "text": "Cách nộp hồ sơ", "choices": ["Trực tiếp", "Trực tuyến", "Qua bưu chính"]},
    ],
    "factors": [
        _factor(
            "access",
            "Tiếp cận dịch vụ",
            [
                "Nơi ngồi chờ có đủ chỗ ngồi",
                "Trang thiết bị phục vụ người dân, tổ chức đầy đủ",
                "Trang thiết bị phục vụ hiện đại, dễ sử dụng",
                "Dễ dàng tìm được nơi nộp hồ sơ, nhận kết quả",
            ],
        ),
        _factor(
            "procedure",
            "Thủ tục hành chính",
            [
                "Thủ tục hành chính được niêm yết công khai đầy đủ, chính xác",
                "Thành phần hồ sơ phải nộp đúng quy định",
                "Phí, lệ phí phải nộp đúng quy định",
                "Thời hạn giải quyết ghi trên giấy hẹn đúng quy định",
            ],
        ),
        _factor(
            "servants",
            "Công chức trực tiếp giải quyết",
            [
                "Công chức có thái độ giao tiếp lịch sự",
                "Công chức chú ý lắng nghe ý kiến của người dân, tổ chức",
                "Công chức trả lời, giải thích đầy đủ các ý kiến",
                "Công chức hướng dẫn kê khai hồ sơ tận tình, dễ hiểu",
                "Công chức tuân thủ đúng quy định trong giải quyết công việc",
            ],
        ),
        _factor(
            "result",
            "Kết quả giải quyết",
            [
                "Kết quả đúng quy định",
                "Kết quả có thông tin đầy đủ, chính xác",
                "Nhận kết quả đúng hạn",
            ],
        ),
        _factor(
            "feedback",
            "Tiếp nhận, xử lý góp ý, phản ánh, kiến nghị",
            [
                "Cơ quan có bố trí hình thức tiếp nhận góp ý, phản ánh, kiến nghị",
                "Dễ dàng thực hiện góp ý, phản ánh, kiến nghị",
                "Góp ý, phản ánh, kiến nghị được tiếp nhận, xử lý tích cực",
                "Được thông báo kịp thời kết quả xử lý góp ý, phản ánh, kiến nghị",
            ],
        ),
    ],
    "overall": {"code": "overall", "text": "Nhìn chung, Ông/Bà hài lòng như thế nào về sự phục vụ của cơ quan?"},
    "improve": {
        "code": "improve",
        "text": "Cơ quan cần cải thiện điều gì nhất? (chọn một hoặc nhiều)",
        "choices": [
            "Cơ sở vật chất nơi tiếp nhận, trả kết quả",
            "Công khai thủ tục đầy đủ, dễ hiểu hơn",
            "Giảm thành phần hồ sơ, đơn giản thủ tục",
            "Rút ngắn thời gian giải quyết",
            "Thái độ, trách nhiệm của công chức",
            "Dịch vụ công trực tuyến dễ dùng hơn",
            "Tiếp nhận, trả lời góp ý kịp thời hơn",
        ],
    },
    "comment": {"text": "Ý kiến khác của Ông/Bà (không bắt buộc)"},
}
