"""The indicator catalogue (766 index, SIPAS, seeds' targets) and binding targets to indicators.

The catalogue is data: the seeding migration writes it once, officers add their own indicators afterwards.
A target binds to the indicator whose keyword (folded, word for word) is the longest one found in its wording;
when a target's text states several figures ("… 100% TTHC …, trong số đó, tỷ lệ … đạt từ 50% trở lên"),
the clause that holds the target's own figure decides.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

from django.db.models import Q

from apps.plans.models import Indicator, Target
from importer.text import fold

# Bộ chỉ số 766 (QĐ 766/QĐ-TTg): five groups and their points
GROUP_766 = {
    "publicity": ("Công khai, minh bạch", 18),
    "timeliness": ("Tiến độ giải quyết", 20),
    "digitisation": ("Số hóa hồ sơ", 22),
    "online": ("Cung cấp dịch vụ công trực tuyến", 22),
    "satisfaction": ("Mức độ hài lòng", 18),
}

S766 = "Bộ chỉ số 766"


def _i(code, name, area, source, keywords, kind="rate", unit="%", higher_is_better=True) -> dict:
    return {
        "code": code,
        "name": name,
        "kind": kind,
        "unit": unit,
        "area": area,
        "source": source,
        "keywords": "\n".join(keywords),
        "higher_is_better": higher_is_better,
    }


CATALOGUE: list[dict] = [
    # 766 — publicity (18)
    _i(
        "tthc-cong-khai",
        "Tỷ lệ thủ tục hành chính được công khai đầy đủ, đúng hạn",
        "tthc",
        f"{S766} – Công khai, minh bạch",
        ["tthc duoc cong khai", "thu tuc hanh chinh duoc cong khai", "cong khai thu tuc hanh chinh", "cong khai tthc"],
    ),
    _i(
        "ho-so-dong-bo-trang-thai",
        "Tỷ lệ hồ sơ TTHC được tiếp nhận, giải quyết và theo dõi trạng thái trên Hệ thống thông tin giải quyết TTHC,"
        " đồng bộ với Cổng Dịch vụ công quốc gia",
        "tthc",
        f"{S766} – Công khai, minh bạch",
        [
            "theo doi trang thai",
            "he thong thong tin giai quyet thu tuc hanh chinh",
            "he thong thong tin giai quyet tthc",
            "dong bo voi cong dich vu cong quoc gia",
        ],
    ),
    _i(
        "cong-khai-hai-long",
        "Tỷ lệ cơ quan công khai mức độ hài lòng của người dân, tổ chức",
        "tthc",
        f"{S766} – Công khai, minh bạch",
        ["cong khai muc do hai long"],
    ),
    # 766 — timeliness (20)
    _i(
        "giai-quyet-dung-han",
        "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn, trước hạn",
        "tthc",
        f"{S766} – Tiến độ giải quyết",
        ["dung han", "truoc han", "dung va truoc han", "truoc va dung han", "tra ket qua dung han", "qua han"],
    ),
    # 766 — digitisation (22)
    _i(
        "so-hoa-ho-so",
        "Tỷ lệ hồ sơ, kết quả giải quyết TTHC được số hóa",
        "chinh_phu_so",
        f"{S766} – Số hóa hồ sơ",
        ["so hoa", "duoc so hoa", "so hoa ho so", "ket qua giai quyet thu tuc hanh chinh duoc so hoa"],
    ),
    _i(
        "tai-su-dung-du-lieu",
        "Tỷ lệ khai thác, sử dụng lại thông tin, dữ liệu đã được số hóa",
        "tthc",
        f"{S766} – Số hóa hồ sơ",
        ["su dung lai thong tin", "khai thac, su dung lai", "tai su dung du lieu", "tai su dung"],
    ),
    _i(
        "ket-qua-dien-tu",
        "Tỷ lệ cấp kết quả giải quyết TTHC điện tử",
        "tthc",
        f"{S766} – Số hóa hồ sơ",
        ["cap ket qua giai quyet thu tuc hanh chinh dien tu", "cap ket qua dien tu", "ket qua dien tu"],
    ),
    _i(
        "luan-chuyen-dien-tu",
        "Tỷ lệ hồ sơ TTHC luân chuyển nội bộ bằng phương thức điện tử",
        "tthc",
        f"{S766} – Số hóa hồ sơ",
        ["luan chuyen", "luan chuyen trong noi bo", "phuong thuc dien tu"],
    ),
    # 766 — online services (22)
    _i(
        "ho-so-truc-tuyen",
        "Tỷ lệ hồ sơ giải quyết trực tuyến trên tổng số hồ sơ",
        "tthc",
        f"{S766} – Cung cấp dịch vụ công trực tuyến",
        ["ho so giai quyet truc tuyen", "ho so truc tuyen", "ty le ho so truc tuyen", "nop ho so truc tuyen"],
    ),
    _i(
        "dvc-toan-trinh",
        "Tỷ lệ TTHC được cung cấp dịch vụ công trực tuyến toàn trình",
        "tthc",
        f"{S766} – Cung cấp dịch vụ công trực tuyến",
        ["truc tuyen toan trinh", "dich vu cong truc tuyen toan trinh", "toan trinh"],
    ),
    _i(
        "tthc-cung-cap-truc-tuyen",
        "Tỷ lệ TTHC đủ điều kiện được cung cấp trực tuyến trên Cổng Dịch vụ công quốc gia",
        "tthc",
        f"{S766} – Cung cấp dịch vụ công trực tuyến",
        ["duoc cung cap truc tuyen", "cung cap truc tuyen", "tich hop tren cong dich vu cong quoc gia"],
    ),
    _i(
        "thanh-toan-truc-tuyen",
        "Tỷ lệ giao dịch thanh toán trực tuyến trên tổng số giao dịch thanh toán của dịch vụ công",
        "tthc",
        f"{S766} – Cung cấp dịch vụ công trực tuyến",
        ["thanh toan truc tuyen", "giao dich thanh toan", "ty le giao dich thanh toan truc tuyen"],
    ),
    _i(
        "tthc-thanh-toan-truc-tuyen",
        "Tỷ lệ TTHC có yêu cầu nghĩa vụ tài chính được triển khai thanh toán trực tuyến",
        "tthc",
        f"{S766} – Cung cấp dịch vụ công trực tuyến",
        ["trien khai thanh toan truc tuyen", "yeu cau nghia vu tai chinh", "co yeu cau nghia vu tai chinh"],
    ),
    _i(
        "dinh-danh-dien-tu",
        "Tỷ lệ người dân, doanh nghiệp được xác thực định danh điện tử",
        "tthc",
        f"{S766} – Cung cấp dịch vụ công trực tuyến",
        ["dinh danh dien tu", "xac thuc dinh danh", "xac thuc dinh danh dien tu"],
    ),
    _i(
        "dvc-da-phuong-tien",
        "Tỷ lệ dịch vụ công trực tuyến cung cấp trên nhiều phương tiện truy cập, kể cả thiết bị di động",
        "chinh_phu_so",
        f"{S766} – Cung cấp dịch vụ công trực tuyến",
        ["nhieu phuong tien truy cap", "phuong tien truy cap khac nhau", "thiet bi di dong"],
    ),
    # 766 — satisfaction (18) and SIPAS
    _i(
        "hai-long-tthc",
        "Mức độ hài lòng của người dân, doanh nghiệp trong giải quyết TTHC",
        "tthc",
        f"{S766} – Mức độ hài lòng",
        ["hai long", "muc do hai long", "muc do hai long trong tiep nhan, giai quyet"],
    ),
    _i(
        "hai-long-dat-dai",
        "Mức độ hài lòng về giải quyết TTHC lĩnh vực đất đai, xây dựng, đầu tư",
        "tthc",
        f"{S766} – Mức độ hài lòng",
        ["dat dai, xay dung, dau tu", "linh vuc dat dai"],
    ),
    _i(
        "hai-long-dvctt",
        "Tỷ lệ người dân, doanh nghiệp hài lòng khi sử dụng dịch vụ công trực tuyến",
        "tthc",
        f"{S766} – Mức độ hài lòng",
        ["hai long khi su dung dich vu cong truc tuyen", "danh gia hai long khi su dung"],
    ),
    _i(
        "sipas",
        "Chỉ số hài lòng về sự phục vụ của cơ quan hành chính nhà nước (SIPAS)",
        "bo_may",
        "SIPAS (QĐ 1001/QĐ-BNV)",
        ["sipas", "su phuc vu cua co quan hanh chinh nha nuoc", "doi voi su phuc vu"],
    ),
    _i(
        "hai-long-y-te-giao-duc",
        "Mức độ hài lòng về dịch vụ y tế, giáo dục công lập",
        "bo_may",
        "Chương trình tổng thể CCHC (NQ 76/NQ-CP)",
        ["y te, giao duc", "dich vu y te", "giao duc cong lap"],
    ),
    # other targets the plans set
    _i(
        "nhiem-vu-hoan-thanh",
        "Tỷ lệ nhiệm vụ CCHC được giao hoàn thành đúng tiến độ",
        "chi_dao_dieu_hanh",
        "Kế hoạch CCHC",
        ["nhiem vu", "hoan thanh 100% nhiem vu", "nhiem vu duoc giao", "nhiem vu cu the"],
    ),
    _i(
        "van-ban-ra-soat",
        "Tỷ lệ văn bản được rà soát, xử lý kịp thời",
        "the_che",
        "Kế hoạch CCHC",
        ["ra soat", "vbqppl", "van ban quy pham phap luat", "van ban huong dan", "van ban thi hanh"],
    ),
    _i(
        "vi-tri-viec-lam",
        "Tỷ lệ cán bộ, công chức được bố trí đúng vị trí việc làm",
        "cong_vu",
        "Kế hoạch CCHC",
        ["vi tri viec lam"],
    ),
    _i(
        "chi-ngan-sach-su-nghiep",
        "Mức giảm chi ngân sách trực tiếp cho đơn vị sự nghiệp công lập",
        "tai_chinh_cong",
        "Kế hoạch CCHC",
        ["chi ngan sach", "don vi su nghiep cong lap"],
        higher_is_better=False,
    ),
    _i(
        "ho-so-cong-viec-tren-mang",
        "Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng",
        "chinh_phu_so",
        "Kế hoạch CCHC",
        ["ho so cong viec", "xu ly tren moi truong mang", "moi truong mang"],
    ),
    _i(
        "kiem-tra-moi-truong-so",
        "Tỷ lệ hoạt động kiểm tra được thực hiện qua môi trường số",
        "chinh_phu_so",
        "Kế hoạch CCHC",
        ["hoat dong kiem tra", "kiem tra duoc thuc hien thong qua moi truong so"],
    ),
    _i(
        "ky-nang-so",
        "Tỷ lệ cán bộ, công chức, viên chức có kỹ năng số",
        "chinh_phu_so",
        "Kế hoạch CCHC",
        ["ky nang so"],
    ),
    _i(
        "nen-tang-so",
        "Tỷ lệ nền tảng số quốc gia, dùng chung được đưa vào sử dụng",
        "chinh_phu_so",
        "Kế hoạch CCHC",
        ["nen tang so"],
    ),
    _i(
        "du-lieu-mo",
        "Tỷ lệ cơ quan nhà nước cung cấp dữ liệu mở đúng chuẩn",
        "chinh_phu_so",
        "Kế hoạch CCHC",
        ["du lieu mo"],
    ),
    _i(
        "quan-tri-du-lieu",
        "Mức độ trưởng thành về quản trị dữ liệu",
        "chinh_phu_so",
        "Kế hoạch CCHC",
        ["quan tri du lieu", "muc do truong thanh"],
        kind="score",
        unit="cấp độ",
    ),
    _i(
        "chi-so-cchc",
        "Chỉ số cải cách hành chính (PAR Index)",
        "chi_dao_dieu_hanh",
        "Chỉ số CCHC",
        ["chi so cai cach hanh chinh", "chi so cchc", "par index"],
        kind="score",
        unit="điểm",
    ),
]


def seed_catalogue(indicator_model=Indicator) -> int:
    """Write the catalogue (by code; existing rows keep officers' edits). Returns how many were created."""
    created = 0
    for row in CATALOGUE:
        _, made = indicator_model.objects.get_or_create(code=row["code"], defaults={k: v for k, v in row.items()})
        created += made
    return created


# --- binding ------------------------------------------------------------------------------------------------

_NON_WORD = re.compile(r"[^0-9a-z%]+")
_CLAUSES = re.compile(r";|\btrong (?:so )?do\b|\bbao gom\b", re.IGNORECASE)


def _words(text: str) -> str:
    """Folded text as space-separated words, padded so ' kw ' finds whole words only."""
    return " " + _NON_WORD.sub(" ", fold(text).replace("%", " % ")).strip() + " "


def keywords_of(indicator: Indicator) -> list[str]:
    return [w.strip() for w in (_words(line) for line in indicator.keywords.splitlines()) if w.strip()]


def _score(words: str, indicator: Indicator) -> int:
    return max((len(k) for k in keywords_of(indicator) if f" {k} " in words), default=0)


def _best(words: str, indicators: list[Indicator]) -> Indicator | None:
    best, best_score = None, 0
    for indicator in indicators:
        score = _score(words, indicator)
        if score > best_score:
            best, best_score = indicator, score
    return best


def _figure(value: Decimal | float | int) -> str:
    return f"{Decimal(value).normalize():f}".replace(".", " ")


def clauses_with(text: str, value) -> list[str]:
    """The clauses of a target's text that state the given figure, in order."""
    if value is None:
        return []
    parts = [_words(p) for p in _CLAUSES.split(fold(text))]
    figure = f" {_figure(value)} "
    return [p for p in parts if figure in p]


def catalogue_for(unit=None) -> list[Indicator]:
    """Shared indicators and those a unit added itself."""
    shared = Q(owner__isnull=True)
    return list(Indicator.objects.filter(shared | Q(owner=unit) if unit is not None else shared))


def bind_indicator(text: str, value=None, indicators: list[Indicator] | None = None, occurrence: int = 0):
    """The catalogue indicator a target's wording measures, or None.

    ``value`` (the target's figure) picks the clause that states it; ``occurrence`` picks among several such
    clauses (the second target cut from the same sentence takes the second clause)."""
    if not text:
        return None
    indicators = catalogue_for() if indicators is None else indicators
    clauses = clauses_with(text, value)
    if clauses:
        found = _best(clauses[min(occurrence, len(clauses) - 1)], indicators)
        if found is not None:
            return found
    return _best(_words(text), indicators)


def bind_targets(targets: Iterable[Target], overwrite: bool = False) -> int:
    """Bind a plan's targets to the catalogue (those without an indicator unless ``overwrite``). Returns the count
    of targets bound. Targets cut from one sentence with the same figure take its clauses in turn."""
    targets = list(targets)
    if not targets:
        return 0
    indicators = catalogue_for(targets[0].plan.unit)
    seen: dict[tuple[str, str], int] = {}
    bound = 0
    for target in targets:
        key = (target.text, str(target.value))
        occurrence = seen.get(key, 0)
        seen[key] = occurrence + 1
        if target.indicator_id and not overwrite:
            continue
        indicator = bind_indicator(target.text, target.value, indicators, occurrence)
        if indicator is not None and indicator.pk != target.indicator_id:
            target.indicator = indicator
            target.save(update_fields=["indicator"])
            bound += 1
    return bound
