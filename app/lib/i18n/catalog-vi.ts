// Vietnamese UI strings, the default language and the source of the message keys. Placeholders
// are {name}; catalog-en.ts must use the same keys and the same placeholders (unit-tested).
export const vi = {
  "app.name": "Cầu Nối Số",
  "app.tagline": "Theo dõi hỗ trợ người dân sử dụng dịch vụ công trực tuyến",
  "nav.skip": "Bỏ qua, đến nội dung chính",
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

  "unitType.phuong": "Phường",
  "unitType.xa": "Xã",
  "unitType.dac_khu": "Đặc khu",

  "metric.cases.name": "Số ca hỗ trợ",
  "metric.cases.definition":
    "Số lượt người dân được tình nguyện viên hỗ trợ một thủ tục (mỗi bản ghi hỗ trợ là một ca), cộng trong kỳ.",
  "metric.online_uptake.name": "Tỷ lệ hồ sơ trực tuyến",
  "metric.online_uptake.definition":
    "Số hồ sơ tiếp nhận trực tuyến ÷ tổng số hồ sơ tiếp nhận qua mọi kênh trong kỳ (chỉ tiêu 3.3, Quyết định 766/QĐ-TTg). Tính từ tổng số hồ sơ, không lấy trung bình các tỷ lệ; “—” khi không có hồ sơ nào.",
  "metric.assisted_online_share.name": "Tỷ lệ ca hỗ trợ nộp trực tuyến",
  "metric.assisted_online_share.definition":
    "Số ca hỗ trợ nộp qua kênh trực tuyến ÷ tổng số ca hỗ trợ trong kỳ. Theo GOV.UK, giao dịch số có người hỗ trợ vẫn tính là sử dụng kênh số.",
  "metric.volunteer_hours.name": "Giờ tình nguyện",
  "metric.volunteer_hours.definition": "Tổng thời lượng các ca trực của tình nguyện viên trong kỳ.",
  "metric.volunteers_active.name": "Tình nguyện viên hoạt động",
  "metric.volunteers_active.definition":
    "Số tình nguyện viên có ít nhất một ca trực trong tháng cuối của kỳ, cộng theo từng xã (người trực ở hai xã được đếm hai lần). Lấy tháng cuối vì cộng các tháng sẽ đếm một người nhiều lần.",
  "metric.minority_reach.name": "Tỷ lệ ca là người dân tộc thiểu số",
  "metric.minority_reach.definition":
    "Số ca hỗ trợ người dân tộc thiểu số (đã biết dân tộc và không phải Kinh) ÷ tổng số ca. Ca chưa rõ dân tộc vẫn nằm trong mẫu số.",
  "metric.elderly_reach.name": "Tỷ lệ ca là người cao tuổi",
  "metric.elderly_reach.definition": "Số ca hỗ trợ người từ 60 tuổi trở lên ÷ tổng số ca.",
  "metric.communes_reporting.name": "Đơn vị có ca hỗ trợ",
  "metric.communes_reporting.definition":
    "Số xã, phường, đặc khu có ít nhất một ca hỗ trợ trong tháng cuối của kỳ, trên tổng số đơn vị thuộc bộ lọc.",
  "metric.cases_per_1000.name": "Số ca trên 1.000 dân",
  "metric.cases_per_1000.definition":
    "Số ca hỗ trợ trong kỳ ÷ dân số của đơn vị × 1.000. Không tính cho đơn vị có dân số bị đánh dấu nghi vấn hoặc thiếu trong dữ liệu tham chiếu.",

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
  "kpi.change.none":
    "Dữ liệu chưa có đủ một kỳ trước cùng độ dài, nên các chỉ số không được so sánh. Chọn khoảng ngắn hơn (ví dụ 3 hoặc 6 tháng) để xem mức thay đổi.",
  "kpi.change.notComparable": "Không so sánh được: một trong hai kỳ không có mẫu số.",

  "chart.showTable": "Xem bảng số liệu",
  "chart.month": "Tháng",
  "table.dossiersOnline": "Hồ sơ trực tuyến",
  "table.dossiersTotal": "Tổng hồ sơ",
  "table.casesOnline": "Ca nộp trực tuyến",
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
  "attention.noVolunteers": "Không có hoạt động tình nguyện trong {month}",
  "attention.noVolunteersNote":
    "Dữ liệu được tổng hợp theo tháng, nên “30 ngày qua” được hiểu là tháng cuối của kỳ: không có ca trực và không có giờ tình nguyện.",
  "attention.noData": "Chưa nhận được dữ liệu cho {month}",
  "attention.noDataNote": "Không có ca hỗ trợ, ca trực hay hồ sơ nào được ghi nhận trong tháng.",
  "attention.none": "Không có đơn vị nào.",
  "attention.more": "và {count} đơn vị khác",

  "error.title": "Đã xảy ra lỗi",
  "error.body": "Trang không thể hiển thị lúc này. Vui lòng thử lại sau ít phút.",
  "error.status": "Mã lỗi {status}",
  "error.notFound": "Không tìm thấy trang này.",
  "error.badRequest.title": "Tham số không hợp lệ",
  "error.badRequest.intro":
    "Không thể hiển thị trang vì các tham số sau trong địa chỉ không hợp lệ:",
  "error.home": "Về trang tổng quan",
} as const;

export type MessageKey = keyof typeof vi;
export type Catalog = Record<MessageKey, string>;
