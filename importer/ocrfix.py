"""OCR post-correction of short administrative cells (lead, partners, deadline, output).

OCR of Vietnamese with the wrong language model drops most marks and damages letters:
'Céc co quan, don V1 thuoc UBND cép xa', 'Trung tdm phuc vu', 'K& hoach', 'Kéhoach'. Each word
of a cell is folded and, when it is not a known word, mapped to the one vocabulary word within
edit distance 1 (2 for long words), the way OCR post-correction is usually done. The vocabulary
is a built-in list of administrative words plus the document's own frequent words. Dust (stray
letters, border marks) is dropped. When every word of the corrected cell is known, its
diacritics are restored from the vocabulary's phrases ('phong van hoa - xa hoi' → 'Phòng Văn
hóa - Xã hội'); otherwise the corrected unmarked words are kept.

Content cells are not corrected: their wording is the user's to review against the scan.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache

from importer.text import fold

# Administrative words and phrases, as printed. Words, not any one plan's names; the phrases give
# each ambiguous folded word ('so' = sở/số, 'van' = văn/vân) its reading in context.
_PHRASES = """
Ủy ban nhân dân|UBND|UBND cấp xã|Phòng Văn hóa - Xã hội|Văn phòng HĐND và UBND|
Chủ tịch UBND|HĐND|Hội đồng nhân dân|Văn phòng|Phòng|Sở|Ban|Trung tâm|Phục vụ hành chính công|
cơ quan|đơn vị|thuộc|cấp xã|cấp huyện|cấp tỉnh|cấp bộ|xã|phường|thị trấn|huyện|tỉnh|thành phố|TP|quận|
Văn hóa - Xã hội|Văn hóa|Xã hội|Kinh tế|Nội vụ|Tư pháp|Tài chính|Khoa học và Công nghệ|Khoa học|Công nghệ|
Kế hoạch và Đầu tư|Tài nguyên và Môi trường|Xây dựng|Giáo dục và Đào tạo|Y tế|Công an|Quân sự|
Thông tin và Truyền thông|Nông nghiệp và Môi trường|Nông nghiệp|Công Thương|Ngoại vụ|Lao động|Thanh tra|
Mặt trận Tổ quốc Việt Nam|Mặt trận|Tổ quốc|Việt Nam|các|và|có liên quan|liên quan|chủ tịch|của|cho|với|
Kế hoạch|báo cáo|Quyết định|Thông báo|kết luận|Công văn|hướng dẫn|Văn bản|Tờ trình|Nghị quyết|Đề án|
chương trình|kết quả|thực hiện|ghi nhận|trên|Hệ thống|thông tin|giải quyết|thủ tục hành chính|TTHC|
Cổng Dịch vụ công quốc gia|dịch vụ công|dịch vụ|quốc gia|dữ liệu|Cơ sở dữ liệu|cơ sở|số hóa|được|chứa|
trong|kho|quản lý|điện tử|theo quy định|quy định|phần mềm|điều tra|khảo sát|Nền tảng số|nền tảng|hạ tầng|
kiểm soát|định kỳ|hàng tháng|hàng năm|hàng quý|năm|tháng|quý|cuối|đầu|6 tháng cuối năm|6 tháng đầu năm|
thường xuyên|trước ngày|cải cách hành chính|cải cách|công bố|phê duyệt|vị trí việc làm|tuyển dụng|đào tạo|
bồi dưỡng|thi tuyển|tài liệu|tuyên truyền|sáng kiến|công nhận|đề nghị|tham gia|ý kiến|Internet|phân tích|
xử lý|đô thị|thông minh|tin|bài viết|video|lãnh đạo|cán bộ|công chức|viên chức|nhà nước|chính quyền|
chính phủ|doanh nghiệp|người dân|tổ chức|cá nhân|hiệp hội|soạn thảo|quy phạm pháp luật|pháp luật|rà soát|
đơn giản hóa|một cửa|liên thông|trực tuyến|toàn trình|thanh toán|hồ sơ|tiếp nhận|mức độ|hài lòng|chỉ số|
đánh giá|xác định|giám sát|kiểm tra|chỉ đạo|điều hành|ban hành|triển khai|mô hình|ứng dụng|
công nghệ thông tin|CNTT|chuyển đổi số|chữ ký số|ngành|cơ chế|ngân sách|lưu trữ|tập trung|tổng hợp|
an toàn|an ninh mạng|giao dịch|nội bộ|đồng bộ|phục vụ|việc|nhân dân|đoàn thể|hội|phụ nữ|thanh niên|
nông dân|cựu chiến binh|bảo hiểm xã hội|kho bạc|thuế|chi cục|thống kê|sự nghiệp|sự nghiệp công|
Dịch vụ sự nghiệp công|Trung tâm Dịch vụ|Chi nhánh|Văn phòng đăng ký đất đai|đất đai|Bộ phận một cửa|
bộ phận|tiếp nhận và trả kết quả|trả kết quả|Ban Chỉ đạo|thường trực|Thường trực|Chánh Văn phòng|
Trưởng phòng|Giám đốc|Phó Giám đốc|Phó Chủ tịch|Chủ tịch UBND|Ủy ban|đơn vị sự nghiệp|trường học|
trạm y tế|đơn vị liên quan|cơ quan, đơn vị|sở, ban, ngành|ban, ngành|đoàn thể chính trị - xã hội|
phương án|danh mục|danh sách|biên bản|hội nghị|tập huấn|hội thi|cuộc thi|bộ chỉ số|bộ tiêu chí|
tiêu chí|tiêu chuẩn|quy chế|quy trình|ISO|Ứng dụng|cổng thông tin điện tử|trang thông tin điện tử|
cổng thông tin|trang thông tin|tin bài|phóng sự|chuyên mục|bản tin|đầy đủ|kịp thời|hiệu quả|
cao|nâng cao|đạt|tối thiểu|trở lên|tỷ lệ|thống nhất|ký số|chữ ký|định danh|tài khoản|
trước|sau|từ|đến|ngày|Quý I|Quý II|Quý III|Quý IV|trong tháng|trong năm|trong quý|theo tiến độ|
theo chỉ đạo|theo kế hoạch|theo yêu cầu|giai đoạn|hằng năm|đột xuất|khi có yêu cầu|
"""

_CONFUSABLE = str.maketrans({"1": "i", "l": "i", "0": "o", "5": "s", "$": "s", "&": "e", "¢": "e", "|": "i"})
_TOKEN = re.compile(r"[^\s,;:()/\-–—.]+")
_WORD_CHARS = re.compile(r"[a-z]")


def _build_vocab() -> tuple[dict[str, str], dict[tuple[str, ...], str]]:
    words: dict[str, set[str]] = {}
    phrases: dict[tuple[str, ...], str] = {}
    for phrase in (p.strip() for p in _PHRASES.replace("\n", "").split("|")):
        if not phrase:
            continue
        parts = _TOKEN.findall(phrase)
        key = tuple(fold(w) for w in parts)
        phrases.setdefault(key, phrase)
        for word in parts:
            if re.search(r"\w", word) and not re.fullmatch(r"[IVX]+", word):
                words.setdefault(fold(word), set()).add(word.lower() if not word.isupper() else word)
    return {k: next(iter(v)) if len(v) == 1 else "" for k, v in words.items()}, phrases


_WORDS, _PHRASE_MAP = _build_vocab()
_MAX_PHRASE = max(len(k) for k in _PHRASE_MAP)


def _index(words: set[str] | dict[str, str]) -> dict[str, set[str]]:
    """Each word under itself and every one-letter deletion of it, for edit-distance look-ups."""
    index: dict[str, set[str]] = {}
    for word in words:
        for variant in _deletes(word):
            index.setdefault(variant, set()).add(word)
    return index


_LETTERS = re.compile(r"[a-z]+")


class Lexicon:
    """The built-in vocabulary plus a document's frequent words, for correcting that document's cells."""

    def __init__(self, texts: list[str] | None = None) -> None:
        counts: Counter[str] = Counter()
        for text in texts or []:
            counts.update(w for w in _LETTERS.findall(fold(text)) if len(w) >= 3)
        self.counts = counts
        # the document's frequent words count as known, unless they look like a damaged vocabulary word
        # or vocabulary words glued together ('vanphong')
        frequent = {w for w, n in counts.items() if n >= 4 and w not in _WORDS}
        own = {w for w in frequent if not _near_builtin(w) and not _segment(w)}
        self.known = set(_WORDS) | own
        self._own = _index(own)
        self.candidates = lru_cache(maxsize=8192)(self._candidates)

    def _similar(self, word: str) -> set[str]:
        """Known words one deletion away from one of the word's deletions (edit distance ≤ 2, roughly)."""
        return {w for v in _deletes(word) for index in (_BUILTIN_INDEX, self._own) for w in index.get(v, ())}

    def correct(self, token: str, before: str | None = None, after: str | None = None) -> str | None:
        """The word an OCR token stands for (its neighbours break ties, or name it when its letters name none), or
        None to keep it as it is. A phrase both neighbours hold outweighs what the letters and the document's own
        frequent words say ('so dix lieu', 'so dit lieu' → 'sở dữ liệu'); a built-in word is kept."""
        framed = None if token in _WORDS else _in_phrase(token, before, after, sides=2)
        if framed:
            return framed
        found = self.candidates(token)
        if len(found) == 1:
            return found[0]
        if not found:
            return _in_phrase(token, before, after)
        sides = {w: ((before, w) in _PAIRS) + ((w, after) in _PAIRS) for w in found}
        most = max(sides.values())
        paired = [w for w in found if most and sides[w] == most]
        if len(paired) == 1:
            return paired[0]
        same_length = [w for w in paired or found if len(w) == len(token)]
        return self._best(same_length or list(paired or found))

    def _candidates(self, token: str) -> tuple[str, ...]:
        """The vocabulary words an OCR token may stand for, best first (empty: keep the token)."""
        if token in self.known or token.isdigit():
            return (token,)
        if len(token) < 2 or not _WORD_CHARS.search(token):
            return ()
        readings = _readings(token)
        found = [r for r in readings if r in self.known]
        if found:
            return tuple(dict.fromkeys(found))
        mapped = readings[0]
        split = _segment(mapped)
        if split:
            return (split,)
        damaged = mapped != token or not token.isalpha()
        if len(mapped) <= 2 and not damaged:
            return ()  # a two-letter word is too short to guess from its letters alone
        limit = 2 if len(mapped) >= 6 or (damaged and len(mapped) >= 4) else 1
        candidates = {w for w in self._similar(mapped) if len(w) >= 2}
        scored = [(w, edit_distance(mapped, w)) for w in candidates]
        scored = [(w, d) for w, d in scored if d <= limit]
        if not scored:
            return ()
        best = min(d for _, d in scored)
        top = [w for w, d in scored if d == best]
        same_length = [w for w in top if len(w) == len(mapped)]  # OCR misreads letters more than it drops them
        same_length = sorted(same_length)
        return tuple(same_length + sorted(w for w in top if w not in same_length))

    def _best(self, words: list[str]) -> str | None:
        if len(words) == 1:
            return words[0]
        builtin = [w for w in words if w in _WORDS]
        if len(builtin) == 1:
            return builtin[0]
        words = builtin or words
        prior = [w for w in words if w in _COMMON]
        if len(prior) == 1:
            return prior[0]
        ranked = sorted(words, key=lambda w: -self.counts.get(w, 0))
        if self.counts.get(ranked[0], 0) >= 3 * max(1, self.counts.get(ranked[1], 0)):
            return ranked[0]
        return None


def _in_phrase(token: str, before: str | None, after: str | None, sides: int = 1) -> str | None:
    """A token too damaged to read from its letters ('dix' for 'dữ', 'bd' for 'bố'), read from the phrase its
    neighbours open or close: the one vocabulary word with its first letter, two edits off at most (one for a
    token of two letters), that goes on from the word before or into the word after (from both: ``sides=2``)."""
    if not _LETTERS.fullmatch(token) or (before is None and after is None):
        return None
    limit = 1 if len(token) <= 2 else 2
    found = {
        w
        for w in _PHRASE_WORDS.get(token[0], ())
        if ((before, w) in _PAIRS) + ((w, after) in _PAIRS) >= sides and edit_distance(token, w, limit) <= limit
    }
    return found.pop() if len(found) == 1 else None


# the commonest words of agency and product cells, preferred when a damaged token fits several
_COMMON = frozenset(
    "cac co quan don vi thuoc cap xa phong van so va cua nam thang quy ke hoach bao cao quyet dinh "
    "thong tin ket qua he thong tren dich vu cong tam trung".split()
)
_CONFUSABLES = {"1": "il", "|": "il", "0": "o", "5": "s", "$": "s", "4": "a", "&": "ea", "¢": "e", "6": "o", "@": "a"}


def _readings(token: str) -> list[str]:
    """The token with OCR-confusable characters read as letters (first: the likeliest reading)."""
    options = [_CONFUSABLES.get(c, c) for c in token]
    readings = [""]
    for choice in options:
        readings = [r + c for r in readings for c in choice][:16]
    if "l" in token and "1" not in token:
        readings += [r.replace("l", "i") for r in readings]
    return readings


def _segment(token: str) -> str | None:
    """'kehoach' → 'ke hoach', 'khoahocva' → 'khoa hoc va': vocabulary words glued by OCR."""
    if len(token) < 5 or not token.isalpha():
        return None

    def split(rest: str, before: str | None) -> list[str] | None:
        if not rest:
            return []
        for i in range(len(rest), 1, -1):
            head = rest[:i]
            if head in _WORDS and (before is None or (before, head) in _PAIRS):
                tail = split(rest[i:], head)
                if tail is not None:
                    return [head, *tail]
        return None

    parts = split(token, None)
    return " ".join(parts) if parts and len(parts) > 1 else None


_PAIRS = {pair for key in _PHRASE_MAP for pair in zip(key, key[1:], strict=False)}
PAIRS = frozenset(_PAIRS)  # word pairs inside vocabulary phrases: ('don', 'vi'), ('hoa', 'xa')
_PHRASE_WORDS: dict[str, set[str]] = {}  # the words of the pairs, under their first letter
for _pair in _PAIRS:
    for _word in _pair:
        _PHRASE_WORDS.setdefault(_word[:1], set()).add(_word)
_ENDS = {key[-1] for key in _PHRASE_MAP}
OPEN_WORDS = frozenset(left for left, _ in _PAIRS if left not in _ENDS)  # never end a phrase: 'don', 'uy'


def _deletes(word: str) -> set[str]:
    out = {word}
    for i in range(len(word)):
        out.add(word[:i] + word[i + 1 :])
    return out


def _near_builtin(word: str) -> bool:
    found = {w for v in _deletes(word) for w in _BUILTIN_INDEX.get(v, ())}
    return any(edit_distance(w, word) == 1 for w in found)


def edit_distance(a: str, b: str, limit: int = 2) -> int:
    """Levenshtein distance of two words, or ``limit + 1`` as soon as it must exceed ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return min(previous[-1], limit + 1)


def fix_cell(text: str | None, lexicon: Lexicon) -> str | None:
    """The cell with OCR-damaged words corrected, dust dropped and, when all words are known, marks restored."""
    if not text:
        return text
    pieces: list[tuple[str, str]] = []  # (kind, text): 'w' word, 's' separator
    position = 0
    for match in _TOKEN.finditer(text):
        if match.start() > position:
            pieces.append(("s", text[position : match.start()]))
        pieces.append(("w", match[0]))
        position = match.end()
    if position < len(text):
        pieces.append(("s", text[position:]))
    words: list[tuple[str, str, bool]] = []  # (original, corrected folded, known)
    out: list[tuple[str, str]] = []
    folded_words = [fold(piece) for kind, piece in pieces if kind == "w"]
    index = -1
    for kind, piece in pieces:
        if kind == "s":
            out.append((kind, piece))
            continue
        index += 1
        folded = folded_words[index]
        before = words[-1][1] if words else None
        after = folded_words[index + 1] if index + 1 < len(folded_words) else None
        after = (lexicon.correct(after) or after) if after else None  # the next word as read alone ('ligu' → 'lieu')
        corrected = lexicon.correct(folded, before, after)
        if corrected is None:
            if _is_dust(piece, folded):
                continue
            out.append(("w", piece))
            words.append((piece, folded, False))
            continue
        for n, part in enumerate(corrected.split()):
            out.append(("w", _cased(part, piece) if n == 0 else part))
            words.append((piece, part, part in _WORDS or part.isdigit()))
    cell = _rebuild(out)
    if cell and words and all(known for _, _, known in words):
        cell = restore_marks(cell)
    return cell or None


def _is_dust(piece: str, folded: str) -> bool:
    letters = re.sub(r"[^a-z]", "", folded)
    if not letters and not re.search(r"\d", piece):
        return True
    if len(letters) == 1 and not re.search(r"\d", piece) and letters not in ("y", "o"):
        return True
    if len(letters) <= 3 and re.search(r"[a-zà-ỹ][A-ZÀ-Ỹ]", piece):
        return True  # 'oL', 'pH': letters of a border or a stamp
    return bool(re.search(r"[^\w]", piece.strip("'’‘\"")) and len(letters) <= 2)


def _cased(word: str, original: str) -> str:
    if original.isupper() and len(original) > 1 and word.upper() in ("UBND", "HDND", "TTHC", "CNTT", "TP", "ISO"):
        return word.upper()
    first = next((c for c in original if c.isalpha()), "")
    return word[:1].upper() + word[1:] if first.isupper() else word


def _rebuild(pieces: list[tuple[str, str]]) -> str:
    text = "".join(piece if kind == "s" else f" {piece} " for kind, piece in pieces)
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"\s+([,;:.)])", r"\1", text)
    text = re.sub(r"([(])\s+", r"\1", text)
    text = re.sub(r"\s*/\s*", "/", text)
    text = re.sub(r"([,;:])(?=\S)", r"\1 ", text)
    text = re.sub(r"([,;:.\-–])(\s*[,;:.])+", r"\1", text)
    return text.strip(" ,;:-–.")


def restore_marks(text: str) -> str:
    """Put the marks back on a cell made only of vocabulary words, phrase by phrase (longest first)."""
    pieces = re.split(r"([^\s,;:()/\-–—.]+)", text)
    word_at = [i for i, piece in enumerate(pieces) if i % 2 == 1]
    folded = [fold(pieces[i]) for i in word_at]
    k = 0
    while k < len(word_at):
        for n in range(min(_MAX_PHRASE, len(word_at) - k), 0, -1):
            key = tuple(folded[k : k + n])
            phrase = _PHRASE_MAP.get(key)
            if phrase is None and n == 1:
                phrase = _WORDS.get(key[0]) or None
            if phrase is None:
                continue
            for offset, word in enumerate(_TOKEN.findall(phrase)):
                at = word_at[k + offset]
                pieces[at] = _cased_marked(word, pieces[at]) if offset == 0 or word.isupper() else word
            k += n
            break
        else:
            k += 1
    return "".join(pieces)


def _cased_marked(word: str, original: str) -> str:
    if word.isupper() or original.isupper() and len(original) > 1:
        return word.upper() if len(word) > 1 else word
    first = next((c for c in original if c.isalpha()), "")
    if first.isupper():
        return word[:1].upper() + word[1:]
    return word[:1].lower() + word[1:] if not word[:2].isupper() else word


_BUILTIN_INDEX = _index(_WORDS)
BUILTIN = Lexicon()


@lru_cache(maxsize=8192)
def vocab_word(word: str) -> str:
    """A word folded and, if OCR-damaged, read as the vocabulary word it stands for ('' for dust)."""
    folded = fold(word)
    found = BUILTIN.correct(folded) if re.search(r"[a-z]", folded) else None
    return (found or folded).split()[-1] if (found or folded).split() else ""


# --- words glued by a lost space, in text read with the Vietnamese model --------------------------------

_TONES = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")
_VOWELS = "".join(unicodedata.normalize("NFC", base + tone) for base in "aăâeêioôơuưy" for tone in _TONES)
# a Vietnamese syllable: an initial consonant, one to three vowels, a final consonant
_SYLLABLE = re.compile(
    rf"(?:ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdđghklmnprstvx])?[{_VOWELS}]{{1,3}}(?:ch|ng|nh|[cmnpt])?"
)


# letters Vietnamese never writes, as OCR reads the one a speck or the mark of the line above sits on: 'UBÑD'
# and the eth ('Ð', U+00D0: the shape of Đ, U+0110), read for a Đ, or beside it for the same letter read twice;
# an 'œ' for the 'ơ' whose horn it takes for a second letter joined ('Đœn')
_FOREIGN = str.maketrans({"Ñ": "N", "ñ": "n", "Ð": "Đ", "ð": "đ", "œ": "ơ", "Œ": "Ơ"})
_READ_TWICE = re.compile("ĐÐ|ÐĐ|đð|ðđ")


def native_letters(word: str) -> str:
    """A word of OCR output with the letters no Vietnamese word has read back as the letter under the speck
    ('UBÑD' → 'UBND', 'Đœn' → 'Đơn'), an eth as the Đ it stands for ('ÐẢNG' → 'ĐẢNG') and beside one as that Đ
    read twice ('QĐÐ-UBND' → 'QĐ-UBND'; 'ĐĐBQH', printed so, stays)."""
    return _READ_TWICE.sub(lambda m: m[0][0].translate(_FOREIGN), word).translate(_FOREIGN)


def off_baseline(word: str) -> str:
    """A word of OCR output without the '_' Tesseract reads at its ends for a speck on the baseline or the fringe
    of a rule under it (a faxed row's number '2_', 'UBND_'), which no plan prints there; a word of nothing else
    ('___', a form's blank) stays as it is."""
    kept = word.strip("_")
    return kept if any(c.isalnum() for c in kept) else word


_COLON_BEFORE = re.compile(r"^[:;]+(?=\w)")


def speck_before(word: str) -> str:
    """A word of OCR output without the colon Tesseract reads at its start for specks over one another beside it (a
    scanned row's number ':3'): a colon or semicolon follows a word, no plan starts one with it."""
    return _COLON_BEFORE.sub("", word)


# a percent sign's upper ring read as a 9 before it as well: '98%' read '989%', '100%' read '1009%'
_RING_AS_NINE = re.compile(r"(?<!\d)(\d{2,3})9%")


def percent_sign(word: str) -> str:
    """A word of OCR output whose figure before a '%' ends in a 9 the sign's ring was read as, read back: the 9 left
    out when the figure is over 100 with it and 100 at most without it ('989%.' → '98%.', '1009%' → '100%'; '99%',
    '150%' stay). A percentage of a plan's target is 100 at most; one over 100 is read as the scan's misreading."""
    return _RING_AS_NINE.sub(lambda m: f"{m[1]}%" if int(m[1]) <= 100 else m[0], word)


def unglue(word: str) -> str:
    """A word of OCR output split where the space between syllables was lost: 'phòngHĐND' → 'phòng HĐND',
    'đơnvị' → 'đơn vị', 'vănbản' → 'văn bản', 'HĐNDvà' → 'HĐND và', after a comma or a figure ('phòng,đơn' →
    'phòng, đơn', '6tháng' → '6 tháng'), and each part of a hyphenated one ('Vănhóa-Xã' → 'Văn hóa-Xã'). Only
    words with a Vietnamese letter are split ('video', 'online', 'YouTube', '2a' stay), and only into syllables;
    a word that is one syllable stays. A 'j', which no Vietnamese word has, read before an i is left out
    ('đơnvjị' → 'đơn vị')."""
    if word.isascii():
        return "-".join(" ".join(_case_parts(piece)) for piece in word.split("-"))
    word = re.sub(r"(?<=[^\W\d_])j(?=[iìíỉĩị])", "", word)
    word = re.sub(r"(?<=[^\W\d_]),(?=[^\W\d_])|(?<=^\d)(?=[^\W\d_]{2})|(?<=^\d\d)(?=[^\W\d_]{2})", r"\g<0> ", word)
    return " ".join(
        "-".join(" ".join(_syllables(part) or part for part in _case_parts(piece)) for piece in chunk.split("-"))
        for chunk in word.split(" ")
    )


def _case_parts(word: str) -> list[str]:
    """'phòngHĐND' → ['phòng', 'HĐND'] (two lower-case letters, then two capitals: 'ThS', 'VNeID' stay),
    'HĐNDvà' → ['HĐND', 'và'] (two capitals, then a syllable in small letters; 'PHÁP' and 'cỦa' stay)."""

    def cut_at(i: int) -> bool:
        before, after = word[i - 2 : i], word[i : i + 2]
        if not (before.isalpha() and after.isalpha()):
            return False
        if before.islower() and after.isupper():
            return True
        return before.isupper() and word[i:].islower() and _syllable(word[i:].rstrip(".,;:()\"'"))

    cuts = [i for i in range(2, len(word) - 1) if cut_at(i)]
    return [word[a:b] for a, b in zip([0, *cuts], [*cuts, len(word)], strict=True)]


def _syllables(word: str) -> str | None:
    """The word as two or three syllables, when it is not one; None when it cannot be split so."""
    core = word.strip(".,;:()\"'")
    lower = core.lower()
    if len(core) < 4 or not lower.isalpha() or lower.isascii() or _SYLLABLE.fullmatch(lower):
        return None
    lengths = _split(lower, 3)
    if not lengths:
        return None
    starts = [sum(lengths[:n]) for n in range(len(lengths))]
    return word.replace(
        core, " ".join(core[start : start + length] for start, length in zip(starts, lengths, strict=True))
    )


# what no Vietnamese syllable is: a stop final (p, t, c, ch) under the falling, asking or broken tone ('thểt',
# so 'thểthao' is 'thể thao', 'cảicách' 'cải cách'), 'ă' or 'â' before 'nh' or 'ch' ('vănh': 'vănhóa' is 'văn hóa')
_NOT_SYLLABLE = re.compile(
    r"[\u0300\u0309\u0303][aeiouy\u0302\u0306\u031b]*(?:ch|[ptc])$|a[\u0306\u0302][\u0300-\u0323]?(?:nh|ch)$"
)


def _syllable(text: str) -> bool:
    return bool(_SYLLABLE.fullmatch(text)) and not _NOT_SYLLABLE.search(unicodedata.normalize("NFD", text))


def _split(text: str, most: int) -> list[int] | None:
    """The lengths of at most ``most`` syllables that make up ``text``, each as long as it can be."""
    if _syllable(text):
        return [len(text)]
    for cut in range(len(text) - 1, 0, -1) if most > 1 else ():
        if _syllable(text[:cut]):
            rest = _split(text[cut:], most - 1)
            if rest:
                return [cut, *rest]
    return None
