"""Bearer-token authentication and the API's error answers, each with a Vietnamese ``detail``."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.security import HttpBearer

from apps.api.models import ApiToken

UNAUTHORIZED = "Chưa đăng nhập hoặc mã truy cập không hợp lệ, đã hết hạn. Hãy lấy mã mới qua /api/auth/token."
NOT_FOUND = "Không tìm thấy."
INVALID = "Dữ liệu không hợp lệ"

# pydantic error types -> what to tell the person (formatted with the error's ``ctx``)
MESSAGES = {
    "missing": "bắt buộc phải có",
    "less_than_equal": "phải nhỏ hơn hoặc bằng {le}",
    "less_than": "phải nhỏ hơn {lt}",
    "greater_than_equal": "phải lớn hơn hoặc bằng {ge}",
    "greater_than": "phải lớn hơn {gt}",
    "literal_error": "phải là một trong: {expected}",
    "enum": "phải là một trong: {expected}",
    "int_parsing": "phải là số nguyên",
    "int_type": "phải là số nguyên",
    "int_from_float": "phải là số nguyên",
    "exponent": "{message}",
    "decimal_parsing": "phải là số",
    "decimal_type": "phải là số",
    "decimal_max_digits": "có quá nhiều chữ số (tối đa {max_digits})",
    "decimal_max_places": "có quá nhiều chữ số thập phân (tối đa {decimal_places})",
    "decimal_whole_digits": "phần nguyên có quá nhiều chữ số",
    "finite_number": "phải là số hữu hạn",
    "string_type": "phải là chuỗi ký tự",
    "string_too_long": "dài quá {max_length} ký tự",
    "date_parsing": "phải là ngày dạng YYYY-MM-DD",
    "date_from_datetime_parsing": "phải là ngày dạng YYYY-MM-DD",
    "date_type": "phải là ngày dạng YYYY-MM-DD",
    "bool_parsing": "phải là true hoặc false",
    "bool_type": "phải là true hoặc false",
    "json_invalid": "không phải JSON hợp lệ",
    "model_attributes_type": "phải là một đối tượng JSON",
    "dict_type": "phải là một đối tượng JSON",
    "control_character": "chứa ký tự điều khiển hoặc ký tự hỏng ({code}); hãy xóa ký tự đó rồi gửi lại",
    "string_unicode": "chứa ký tự điều khiển hoặc ký tự hỏng (không phải Unicode); hãy xóa ký tự đó rồi gửi lại",
    "int_parsing_size": "là số quá lớn",
    "list_type": "phải là một danh sách JSON",
    "float_parsing": "phải là số",
    "float_type": "phải là số",
    "extra_forbidden": "không có trường này",
}
# location parts that are not field names: where the value came from, and union members
UNION_MEMBERS = {"str", "int", "float", "decimal", "bool", "number", "string"}  # "number", "string": tags of PeriodRef
NOT_FIELDS = {"body", "query", "path", "header", "payload"} | UNION_MEMBERS
UNPARSABLE = "Cannot parse request body"


class TokenAuth(HttpBearer):
    """``Authorization: Bearer <token>``; the token's user becomes ``request.user``."""

    def authenticate(self, request: HttpRequest, token: str):
        user = ApiToken.user_for(token)
        if user is not None:
            request.user = user
        return user


def describe(error: dict) -> str:
    """One pydantic error as ``field: message`` in Vietnamese (the original message when there is no translation)."""
    message = translate(error)
    field = field_name(error)
    return f"{field}: {message}" if field else message


def field_name(error: dict) -> str:
    return ".".join(str(part) for part in error.get("loc", ()) if part not in NOT_FIELDS)


def translate(error: dict) -> str:
    """In Vietnamese; an error type without a translation says "không hợp lệ" with pydantic's own words."""
    template = MESSAGES.get(error.get("type", ""))
    ctx = {key: str(value).replace(" or ", ", ") for key, value in (error.get("ctx") or {}).items()}
    fallback = f"không hợp lệ ({error.get('msg', '')})"
    try:
        return template.format(**ctx) if template else fallback
    except (KeyError, IndexError):
        return fallback


def summarize(errors: list[dict]) -> str:
    """All errors in one sentence; a field that accepts several types (a union) gets one ``a hoặc b`` clause."""
    by_field: dict[str, list[str]] = {}
    for error in errors:
        messages = by_field.setdefault(field_name(error), [])
        if (message := translate(error)) not in messages:
            messages.append(message)
    clauses = [
        f"{field}: {' hoặc '.join(messages)}" if field else " hoặc ".join(messages)
        for field, messages in by_field.items()
    ]
    return f"{INVALID}: " + "; ".join(clauses) + "."


def invalid(request: HttpRequest, api: NinjaAPI, message: str, errors: list[dict] | None = None) -> HttpResponse:
    return api.create_response(request, {"detail": message, "errors": errors or []}, status=422)


def install_handlers(api: NinjaAPI) -> None:
    @api.exception_handler(AuthenticationError)
    def unauthorized(request, exc):
        response = api.create_response(request, {"detail": UNAUTHORIZED}, status=401)
        response["WWW-Authenticate"] = "Bearer"
        return response

    @api.exception_handler(Http404)
    def not_found(request, exc):
        return api.create_response(request, {"detail": NOT_FOUND}, status=404)

    @api.exception_handler(HttpError)
    def http_error(request, exc):
        message = exc.message
        if exc.status_code == 400 and message.startswith(UNPARSABLE):
            message = "Nội dung yêu cầu không phải JSON hợp lệ."
        return api.create_response(request, {"detail": message}, status=exc.status_code)

    @api.exception_handler(ValidationError)
    def validation_error(request, exc):
        errors = [
            {key: value for key, value in error.items() if key in ("type", "loc", "msg")} | {"message": describe(error)}
            for error in exc.errors
        ]
        return invalid(request, api, summarize(exc.errors), errors)
