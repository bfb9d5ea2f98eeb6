"""Seed the report type in force with the current guidance (DOMAIN.md "Reports"): the outline's headings and the
minimum statistics table, so an administrator has something to change when the guidance changes."""

from django.db import migrations

NAME = "Báo cáo định kỳ công tác cải cách hành chính"
BASIS = "Hướng dẫn của Bộ Nội vụ về chế độ báo cáo định kỳ công tác CCHC (đề mục, tên chỉ tiêu chưa xác nhận)"
OUTLINE = {'direction': 'I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC',
 'results': 'II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CCHC',
 'assessment': 'III. ĐÁNH GIÁ CHUNG',
 'shortcomings': 'Tồn tại, hạn chế và nguyên nhân:',
 'next_tasks': 'IV. NHIỆM VỤ TRỌNG TÂM KỲ TỚI',
 'proposals': 'V. ĐỀ XUẤT, KIẾN NGHỊ'}
STATISTICS = [{'key': 'tasks_total', 'label': 'Tổng số nhiệm vụ trong kế hoạch', 'unit': 'nhiệm vụ', 'tasks': 'total'},
 {'key': 'tasks_done_on_time',
  'label': 'Nhiệm vụ hoàn thành đúng hạn',
  'unit': 'nhiệm vụ',
  'tasks': 'done_on_time'},
 {'key': 'tasks_done_late', 'label': 'Nhiệm vụ hoàn thành quá hạn', 'unit': 'nhiệm vụ', 'tasks': 'done_late'},
 {'key': 'tasks_in_progress',
  'label': 'Nhiệm vụ đang thực hiện, trong hạn',
  'unit': 'nhiệm vụ',
  'tasks': 'in_progress'},
 {'key': 'tasks_overdue',
  'label': 'Nhiệm vụ quá hạn chưa hoàn thành',
  'unit': 'nhiệm vụ',
  'tasks': 'overdue'},
 {'key': 'legal_documents', 'label': 'Văn bản quy phạm pháp luật ban hành, rà soát', 'unit': 'văn bản'},
 {'key': 'procedures_published',
  'label': 'TTHC được công khai đầy đủ, đúng hạn',
  'unit': '%',
  'indicator': 'tthc-cong-khai'},
 {'key': 'dossiers_on_time',
  'label': 'Hồ sơ giải quyết đúng hạn',
  'unit': '%',
  'indicator': 'giai-quyet-dung-han'},
 {'key': 'dossiers_online',
  'label': 'Hồ sơ tiếp nhận, giải quyết trực tuyến',
  'unit': '%',
  'indicator': 'ho-so-truc-tuyen'},
 {'key': 'payments_online',
  'label': 'Hồ sơ thanh toán trực tuyến',
  'unit': '%',
  'indicator': 'thanh-toan-truc-tuyen'},
 {'key': 'dossiers_digitised',
  'label': 'Hồ sơ, kết quả giải quyết được số hóa',
  'unit': '%',
  'indicator': 'so-hoa-ho-so'},
 {'key': 'satisfaction',
  'label': 'Mức độ hài lòng của người dân, doanh nghiệp',
  'unit': '%',
  'indicator': 'hai-long-tthc'},
 {'key': 'complaints', 'label': 'Phản ánh, kiến nghị tiếp nhận và xử lý đúng hạn', 'unit': 'lượt'},
 {'key': 'staff_trained', 'label': 'Lượt cán bộ, công chức được bồi dưỡng', 'unit': 'lượt'}]


def seed(apps, schema_editor):
    ReportType = apps.get_model("reports", "ReportType")
    if not ReportType.objects.exists():
        ReportType.objects.create(name=NAME, basis=BASIS, is_current=True, outline=OUTLINE, statistics=STATISTICS)


class Migration(migrations.Migration):
    dependencies = [("reports", "0003_report_type")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
