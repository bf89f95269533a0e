// Vietnamese UI strings, the default language and the source of the message keys. Placeholders
// are {name}; catalog-en.ts must use the same keys and the same placeholders (unit-tested).
import { communeMessages } from "./messages/commune";
import { compareMessages } from "./messages/compare";
import { qualityMessages } from "./messages/quality";
import { vocabularyMessages } from "./messages/vocabulary";
import { methodologyMessages } from "./messages/methodology";
import { reportMessages } from "./messages/report";
import { downloadsMessages } from "./messages/downloads";
import { downloadColumnMessages } from "./messages/download-columns";
import { authMessages } from "./messages/auth";
import { adminMessages } from "./messages/admin";
import { metricMessages } from "./messages/metrics";
import { calendarMessages } from "./messages/calendar";

export const vi = {
  "app.name": "Cầu Nối Số",
  "app.tagline": "Theo dõi hỗ trợ người dân sử dụng dịch vụ công trực tuyến",
  "nav.skip": "Bỏ qua, đến nội dung chính",
  "nav.main": "Điều hướng chính",
  "nav.menu": "Trình đơn",
  "table.region": "Bảng: {name}",
  "nav.home": "Đơn vị của bạn",
  "nav.overview": "Tổng quan",
  "nav.communes": "Xã/phường",
  "nav.compare": "So sánh",
  "nav.report": "Báo cáo tháng",
  "nav.quality": "Chất lượng dữ liệu",
  "nav.methodology": "Phương pháp",
  "nav.imports": "Nhập dữ liệu",
  "lang.switch.label": "Ngôn ngữ",
  "lang.name.vi": "Tiếng Việt",
  "lang.name.en": "English",

  "header.asOf": "Dữ liệu cập nhật lúc {time}",
  "header.lastBatch": "lô nhập cuối #{batch}",
  "footer.boundaries":
    "Ranh giới xã: bản đồ hành chính 2025 (thanglequoc/vietnamese-provinces-database, MIT; dữ liệu gốc sapnhap.bando.com.vn), đã đơn giản hoá để hiển thị.",
  "footer.definitions": "Mỗi chỉ số có nút “?” giải thích cách tính.",

  "overview.heading": "Tổng quan {province}",
  "overview.metaTitle": "Tổng quan {province} — Cầu Nối Số",
  "overview.period": "Kỳ báo cáo: {from} – {to} ({months} tháng)",
  "overview.unitFilter": "Chỉ gồm: {unitType}",
  "overview.clamped":
    "Khoảng thời gian đã được giới hạn trong phạm vi dữ liệu hiện có ({first} – {last}).",
  "overview.noData":
    "Chưa có dữ liệu cho tỉnh này. Hãy nhập tệp dữ liệu (npm run etl) rồi tải lại trang.",
  "overview.kpiHeading": "Chỉ số chính",
  "overview.trendHeading": "Xu hướng theo tháng",
  "overview.mapHeading": "Bản đồ các xã",

  "filter.legend": "Bộ lọc",
  "filter.summary": "Bộ lọc: {filters}",
  "filter.presets": "Khoảng thời gian nhanh",
  "filter.preset.3m": "3 tháng gần nhất",
  "filter.preset.6m": "6 tháng gần nhất",
  "filter.preset.12m": "12 tháng gần nhất",
  "filter.preset.ytd": "Từ đầu năm",
  "filter.preset.since_merger": "Từ 7/2025 (sau sắp xếp)",
  "filter.from": "Từ tháng",
  "filter.to": "Đến tháng",
  "filter.monthHint": "dạng NNNN-TT, ví dụ 2025-07",
  "filter.unitType": "Loại đơn vị",
  "filter.unitType.all": "Tất cả",
  "filter.metric": "Chỉ số trên bản đồ và bảng xếp hạng",
  "filter.apply": "Áp dụng",
  "filter.reset": "Đặt lại",

  "filter.error.month": "phải là một tháng dạng NNNN-TT, ví dụ 2025-07",
  "filter.error.period": "phải là một trong 3m, 6m, 12m, ytd, since_merger",
  "filter.error.unit_type": "phải là phuong, xa hoặc dac_khu",
  "filter.error.metric":
    "phải là online_uptake, assisted_online_share, cases_per_1000 hoặc volunteer_hours",
  "filter.error.period_and_range": "không dùng chung period với from/to; hãy chọn một cách",
  "filter.error.from_after_to": "tháng bắt đầu phải trước hoặc bằng tháng kết thúc",
  "filter.error.repeated": "chỉ được có một giá trị",
  "filter.error.outside_coverage": "nằm ngoài phạm vi dữ liệu hiện có ({first} – {last})",
  "filter.error.invalid": "không hợp lệ",
  "filter.error.procedure_group":
    "phải là một nhóm thủ tục: ho_tich, cu_tru, dinh_danh, chung_thuc, ly_lich_tu_phap, dat_dai, bhxh_bhyt, kinh_doanh, phuong_tien, other",
  "filter.error.commune": "mỗi mã xã phải gồm 5 chữ số, ví dụ 24778",
  "filter.error.commune_count": "chọn tối đa 6 xã",
  "filter.error.commune_unknown": "không có xã/phường mã {code} trong tỉnh",

  "unitType.phuong": "Phường",
  "unitType.xa": "Xã",
  "unitType.dac_khu": "Đặc khu",
  "procedureGroup.ho_tich": "Hộ tịch",
  "procedureGroup.cu_tru": "Cư trú",
  "procedureGroup.dinh_danh": "Căn cước, định danh điện tử",
  "procedureGroup.chung_thuc": "Chứng thực",
  "procedureGroup.ly_lich_tu_phap": "Lý lịch tư pháp",
  "procedureGroup.dat_dai": "Đất đai",
  "procedureGroup.bhxh_bhyt": "BHXH, BHYT",
  "procedureGroup.kinh_doanh": "Hộ kinh doanh",
  "procedureGroup.phuong_tien": "Phương tiện giao thông",
  "procedureGroup.other": "Thủ tục khác",

  "kpi.definition": "Định nghĩa: {name}",
  "kpi.latestMonth": "trong {month}",
  "kpi.ofTotal": "trên tổng số {total} đơn vị, trong {month}",
  "kpi.change.up": "tăng {value}",
  "kpi.change.down": "giảm {value}",
  "kpi.change.upPoints": "tăng {value} điểm %",
  "kpi.change.downPoints": "giảm {value} điểm %",
  "kpi.change.fromZero": "tăng từ 0",
  "kpi.change.flat": "không đổi",
  "kpi.change.versus": "so với {value} ({period})",
  "kpi.change.open":
    "Kỳ này có tháng chưa đủ số liệu, nên các chỉ số không được so sánh với kỳ trước. Các kỳ chọn nhanh kết thúc ở tháng đủ số liệu gần nhất.",
  "kpi.change.none":
    "Dữ liệu chưa có đủ một kỳ trước cùng độ dài, nên các chỉ số không được so sánh. Chọn khoảng ngắn hơn (ví dụ 3 hoặc 6 tháng) để xem mức thay đổi.",
  "kpi.change.notComparable": "Không so sánh được: một trong hai kỳ không có mẫu số.",

  "chart.showTable": "Xem bảng số liệu",
  "chart.month": "Tháng",
  "chart.cases.title": "Số ca hỗ trợ theo tháng",
  "chart.cases.axis": "Số ca",
  "chart.cases.description":
    "Số ca hỗ trợ từ {firstValue} ({firstMonth}) đến {lastValue} ({lastMonth}); nhiều nhất {maxValue} vào {maxMonth}.",
  "chart.cases.empty": "Không có ca hỗ trợ nào trong kỳ.",
  "chart.rates.title": "Tỷ lệ trực tuyến theo tháng",
  "chart.rates.axis": "Tỷ lệ",
  "chart.rates.rose": "{name} tăng từ {fromValue} ({fromMonth}) lên {toValue} ({toMonth}).",
  "chart.rates.fell": "{name} giảm từ {fromValue} ({fromMonth}) xuống {toValue} ({toMonth}).",
  "chart.rates.flat": "{name} giữ ở mức {toValue} từ {fromMonth} đến {toMonth}.",
  "chart.rates.single": "{name} là {toValue} ({toMonth}).",
  "chart.rates.none": "{name}: chưa có số liệu trong kỳ.",
  "chart.map.title": "{metric} theo đơn vị, {from} – {to}",
  "chart.map.description": "Cao nhất: {maxName} ({maxValue}); thấp nhất: {minName} ({minValue}).",
  "chart.map.noValues": "Không đơn vị nào có giá trị cho chỉ số này trong kỳ.",
  "chart.map.missingCount": "{count} đơn vị không có giá trị (tô gạch chéo).",
  "chart.map.legendNoValue": "Không có giá trị",
  "chart.map.legendFilteredOut": "Ngoài bộ lọc",
  "chart.map.noValueTooltip": "{name}: không có giá trị",
  "chart.map.suspectPopulation":
    "Không tính trên dân số cho: {names}, vì dân số của các đơn vị này bị đánh dấu nghi vấn hoặc thiếu trong dữ liệu tham chiếu.",
  "chart.map.tableNote": "Số liệu của bản đồ có trong bảng xếp hạng bên dưới.",
  "chart.map.tableLink": "Đến bảng xếp hạng",

  "ranking.heading": "Xếp hạng theo {metric}",
  "ranking.caption":
    "Các đơn vị xếp theo {metric} trong kỳ, cao xuống thấp; cùng giá trị thì theo tên. Đơn vị không có giá trị nằm cuối bảng.",
  "ranking.rank": "Hạng",
  "ranking.commune": "Đơn vị",
  "ranking.unitType": "Loại",

  "attention.heading": "Cần chú ý",
  "attention.lowestUptake": "Tỷ lệ hồ sơ trực tuyến thấp nhất trong kỳ",
  "attention.noVolunteers": "Không có hoạt động tình nguyện trong 30 ngày đến {date}",
  "attention.noVolunteersNote":
    "Không có ca trực và không có ca hỗ trợ nào trong 30 ngày tính đến ngày có dữ liệu gần nhất của kỳ.",
  "attention.lastActivity": "lần cuối {date}",
  "attention.neverActive": "chưa có hoạt động",
  "overview.procedureGroupFilter": "Nhóm thủ tục: {group}",
  "overview.procedureGroupCaveat":
    "Số ca hỗ trợ, tỷ lệ nộp trực tuyến có hỗ trợ, tỷ lệ người dân tộc thiểu số, người cao tuổi và số xã có ca hỗ trợ chỉ tính nhóm thủ tục này. Hồ sơ (tỷ lệ hồ sơ trực tuyến), giờ tình nguyện và số tình nguyện viên vẫn tính mọi thủ tục của toàn tỉnh, vì các nguồn này không ghi thủ tục theo từng ca.",
  "filter.procedureGroup": "Nhóm thủ tục",
  "filter.procedureGroup.all": "Tất cả",
  "attention.noData": "Chưa nhận được dữ liệu cho {month}",
  "attention.noDataNote": "Không có ca hỗ trợ, ca trực hay hồ sơ nào được ghi nhận trong tháng.",
  "attention.none": "Không có đơn vị nào.",
  "attention.more": "và {count} đơn vị khác",

  "imports.list.title": "Các lô nhập dữ liệu",
  "imports.list.new": "Nạp tệp mới",
  "imports.list.caption": "{count} lô nhập gần nhất, mới nhất trước.",
  "imports.list.empty": "Chưa có lô nhập nào.",
  "imports.col.batch": "Lô",
  "imports.col.kind": "Loại dữ liệu",
  "imports.col.file": "Tệp",
  "imports.col.status": "Trạng thái",
  "imports.col.loadedBy": "Người nạp",
  "imports.col.rows": "Số dòng",
  "imports.col.inserted": "Thêm mới",
  "imports.col.updated": "Cập nhật",
  "imports.col.unchanged": "Không đổi",
  "imports.col.rejected": "Bị từ chối",
  "imports.col.startedAt": "Thời gian",

  "importKind.assistance": "Nhật ký hỗ trợ người dân",
  "importKind.assistance.description":
    "Mỗi dòng là một lượt tình nguyện viên hỗ trợ một người dân làm một thủ tục.",
  "importKind.shifts": "Ca trực tình nguyện",
  "importKind.shifts.description": "Mỗi dòng là một ca trực của một tình nguyện viên tại một xã.",
  "importKind.dossiers": "Thống kê hồ sơ thủ tục hành chính",
  "importKind.dossiers.description":
    "Số hồ sơ tiếp nhận và giải quyết theo xã và tháng; tệp sau thay số liệu cũ của cùng xã, tháng, thủ tục.",
  "importKind.population": "Dân số theo xã",
  "importKind.population.description":
    "Dân số, số người dân tộc thiểu số, người cao tuổi và nữ của từng xã theo năm.",

  "batchStatus.running": "Đang nạp",
  "batchStatus.loaded": "Đã nạp",
  "batchStatus.rejected": "Bị từ chối",
  "batchStatus.reverted": "Đã hoàn tác",
  "batchStatus.failed": "Thất bại",

  "imports.new.title": "Nạp tệp dữ liệu",
  "imports.new.intro":
    "Chọn tệp và loại dữ liệu rồi bấm “Xem trước”. Chưa có gì được ghi vào cơ sở dữ liệu cho đến khi bạn xem kết quả kiểm tra và bấm “Nạp vào cơ sở dữ liệu”.",
  "imports.form.file": "Tệp dữ liệu",
  "imports.form.fileHint":
    "CSV (UTF-8; phân cách bằng dấu phẩy, chấm phẩy hoặc tab), .txt hoặc Excel .xlsx; tối đa {max} MB.",
  "imports.form.kind": "Loại dữ liệu",
  "imports.form.options": "Tuỳ chọn",
  "imports.form.strict": "Nghiêm ngặt: không nạp dòng nào nếu có dòng bị từ chối",
  "imports.form.deriveIds":
    "Tự tạo mã bản ghi khi tệp không có cột mã (tệp xuất từ biểu mẫu như Google Forms)",
  "imports.form.sheet": "Tên trang tính (chỉ với .xlsx)",
  "imports.form.sheetHint": "Để trống để đọc trang tính đầu tiên có bảng dữ liệu.",
  "imports.form.preview": "Xem trước",
  "imports.form.commit": "Nạp vào cơ sở dữ liệu",
  "imports.form.working": "Đang xử lý…",

  "imports.preview.title": "Xem trước: {file}",
  "imports.preview.dryRun":
    "Đây là kết quả chạy thử với tệp của bạn; chưa có gì được ghi vào cơ sở dữ liệu.",
  "imports.preview.ready":
    "Tệp có thể nạp. Bấm “Nạp vào cơ sở dữ liệu” để nạp đúng như kết quả trên; tệp tải lên được giữ {hours} giờ.",
  "imports.preview.alreadyLoaded":
    "Tệp này đã được nạp (lô #{batch}); nạp lại sẽ không thay đổi gì.",
  "imports.preview.cannotLoad": "Tệp này không thể nạp:",
  "imports.preview.another": "Chọn tệp khác",
  "imports.preview.options": "Loại dữ liệu: {kind}. Tuỳ chọn: {options}.",
  "imports.preview.otherSheets":
    "Tệp còn các trang tính khác có bảng dữ liệu: {sheets}. Mỗi trang được nạp thành một lô riêng: đánh dấu ô bên dưới để nạp luôn, hoặc chọn trang ở ô “Trang tính” rồi xem trước lại.",
  "imports.preview.allSheets":
    "Nạp luôn {count} trang tính còn lại có bảng, mỗi trang một lô (không xem trước từng trang; lô nào sai có thể hoàn tác).",
  "imports.preview.columns": "Các cột được đọc ({count}); bấm để xem cột nào vào trường nào",
  "imports.preview.sheet": "Trang tính được đọc: «{sheet}».",
  "imports.preview.skipped":
    "Các dòng không phải bản ghi, được bỏ qua và không lưu: {totals} dòng tổng cộng, {signatures} dòng của phần ký tên.",

  "imports.count.rows": "Dòng đọc được",
  "imports.count.wouldInsert": "Sẽ thêm mới",
  "imports.count.wouldUpdate": "Sẽ cập nhật",
  "imports.count.wouldKeep": "Giữ nguyên",
  "imports.count.inserted": "Đã thêm mới",
  "imports.count.updated": "Đã cập nhật",
  "imports.count.unchanged": "Không đổi",
  "imports.count.rejected": "Bị từ chối",

  "imports.warnings.heading": "Cảnh báo",
  "imports.warnings.none": "Không có cảnh báo.",
  "imports.rejectReasons.heading": "Lý do từ chối",
  "imports.issue.count": "{count} dòng",
  "imports.issue.lines": "tại dòng {lines}",
  "imports.dropped.heading": "Cột không được nạp",
  "imports.dropped.intro":
    "Các cột sau bị bỏ qua. Cột chứa dữ liệu cá nhân (họ tên, số CCCD, số điện thoại, địa chỉ…) luôn bị loại trước khi lưu, kể cả trong bản lưu các dòng bị từ chối.",
  "imports.dropped.personal": "dữ liệu cá nhân",

  "imports.rejects.heading": "Dòng bị từ chối",
  "imports.rejects.sample": "{shown} dòng đầu trong tổng số {total} dòng bị từ chối.",
  "imports.rejects.range":
    "Dòng bị từ chối {from}–{to} trong tổng số {total}, theo thứ tự trong tệp.",
  "imports.rejects.none": "Không có dòng nào bị từ chối.",
  "imports.rejects.line": "Dòng",
  "imports.rejects.column": "Cột",
  "imports.rejects.reason": "Mã lý do",
  "imports.rejects.message": "Chi tiết",
  "imports.rejects.download": "Tải các dòng bị từ chối (CSV)",
  "imports.rejects.pages": "Các trang dòng bị từ chối",
  "imports.rejects.page": "Trang {page}/{pages}",
  "imports.rejects.previous": "Trang trước",
  "imports.rejects.next": "Trang sau",

  "imports.batch.title": "Lô nhập #{batch}",
  "imports.batch.metaTitle": "Lô nhập #{batch} — Cầu Nối Số",
  "imports.batch.all": "Tất cả lô nhập",
  "imports.batch.details": "Thông tin lô nhập",
  "imports.batch.sheet": "Trang tính",
  "imports.batch.skipped": "Bỏ qua (không phải bản ghi)",
  "imports.batch.skippedCounts":
    "{totals} dòng tổng cộng, {signatures} dòng phần ký tên; không lưu",
  "imports.batch.file": "Tệp",
  "imports.batch.size": "{bytes} byte",
  "imports.batch.sha256": "SHA-256",
  "imports.batch.options": "Tuỳ chọn",
  "imports.batch.startedAt": "Bắt đầu",
  "imports.batch.finishedAt": "Kết thúc",
  "imports.batch.revertedAt": "Hoàn tác lúc",
  "imports.batch.error": "Lý do không nạp",
  "imports.batch.countsHeading": "Kết quả",
  "imports.batch.replaced.heading": "Số liệu được thay thế",
  "imports.batch.replaced.intro":
    "Lô này thay số liệu hồ sơ của cùng xã, tháng và thủ tục đã nạp trong các lô:",

  "imports.option.strict": "nghiêm ngặt",
  "imports.option.deriveIds": "tự tạo mã bản ghi",
  "imports.option.sheet": "trang tính “{sheet}”",
  "imports.option.none": "mặc định",

  "imports.error.title": "Không thể xử lý tệp tải lên",
  "imports.error.batchId": "phải là số của một lô nhập, ví dụ 12",
  "imports.error.page": "phải là số trang từ 1 đến {pages}",
  "upload.error.form_unreadable":
    "Không đọc được biểu mẫu: cần gửi dạng multipart/form-data từ trang tải lên. Hãy mở lại trang tải lên và gửi lại.",
  "upload.error.file_missing": "Chưa chọn tệp. Hãy chọn một tệp CSV, .txt hoặc .xlsx.",
  "upload.error.file_empty": "Tệp rỗng (0 byte). Kiểm tra lại đã chọn đúng tệp.",
  "upload.error.file_too_large":
    "Tệp lớn hơn {max} MB. Hãy tách thành nhiều tệp nhỏ hơn, hoặc nạp bằng dòng lệnh (npm run etl).",
  "upload.error.intent_invalid":
    "Thao tác không hợp lệ: chỉ có “Xem trước” hoặc “Nạp vào cơ sở dữ liệu”.",
  "upload.error.kind_invalid":
    "Hãy chọn loại dữ liệu: assistance, shifts, dossiers hoặc population.",
  "upload.error.option_invalid":
    "Một tuỳ chọn của biểu mẫu không hợp lệ. Hãy mở lại trang tải lên.",
  "upload.error.sheet_invalid": "Tên trang tính dài tối đa {max} ký tự.",
  "upload.error.upload_id_invalid":
    "Mã tệp tải lên không hợp lệ. Hãy tải tệp lên lại từ trang tải lên.",
  "upload.error.upload_not_found":
    "Không tìm thấy tệp đã tải lên: có thể tệp đã được nạp hoặc đã quá 24 giờ. Hãy tải tệp lên lại.",
  "upload.error.uploads_full":
    "Đang có quá nhiều tệp đã xem trước chờ nạp. Hãy nạp hoặc bỏ một bản xem trước (chúng tự xoá sau 24 giờ), rồi thử lại.",
  "upload.error.import_busy":
    "Một lần nạp dữ liệu khác đang chạy từ {since}. Hãy chờ lần đó xong rồi gửi lại tệp.",

  "error.title": "Đã xảy ra lỗi",
  "error.body": "Trang không thể hiển thị lúc này. Vui lòng thử lại sau ít phút.",
  "error.status": "Mã lỗi {status}",
  "error.notFound": "Không tìm thấy trang này.",
  "error.forbidden.title": "Không có quyền truy cập",
  "error.forbidden.body":
    "Tài khoản của bạn không được xem nội dung này (ví dụ: chi tiết của một xã không thuộc phạm vi phụ trách). Hãy liên hệ quản trị viên nếu bạn cần quyền này.",
  "error.badRequest.title": "Tham số không hợp lệ",
  "error.badRequest.intro":
    "Không thể hiển thị trang vì các tham số sau trong địa chỉ không hợp lệ:",
  "error.home": "Về trang tổng quan",
  ...communeMessages.vi,
  ...compareMessages.vi,
  ...qualityMessages.vi,
  ...vocabularyMessages.vi,
  ...methodologyMessages.vi,
  ...reportMessages.vi,
  ...downloadsMessages.vi,
  ...downloadColumnMessages.vi,
  ...authMessages.vi,
  ...adminMessages.vi,
  ...metricMessages.vi,
  ...calendarMessages.vi,
} as const;

export type MessageKey = keyof typeof vi;
export type Catalog = Record<MessageKey, string>;
