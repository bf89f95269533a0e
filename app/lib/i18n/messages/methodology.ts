// UI strings of the methodology area; keys start with "methodology.".
import { defineMessages } from "./define-messages";

export const methodologyMessages = defineMessages(
  {
    "methodology.metaTitle": "Phương pháp tính — Cầu Nối Số",
    "methodology.toc": "Mục lục",
    "methodology.source": "Nội dung trang này là tệp {file} trong mã nguồn.",
    "methodology.kpiLink": "Công thức, nguồn và lưu ý",
  },
  {
    "methodology.metaTitle": "Methodology — Cầu Nối Số",
    "methodology.toc": "Contents",
    "methodology.source": "This page is the file {file} in the source code.",
    "methodology.kpiLink": "Formula, source and caveats",
  },
);
