import type { Lang } from '../model/settings.js';

/**
 * The words of `--help`: the program and command descriptions, every option's description and the
 * placeholders of option values, per language. Choice values (`appraised`, `json`, …), option names and
 * file extensions are written as the user types them, in both languages.
 */
export interface HelpText {
  program: string;
  /** Commander's section titles and the words of its usage line. */
  titles: { usage: string; options: string; commands: string; arguments: string };
  usage: { options: string; command: string };
  /** Placeholders of option values: `--criteria <tệp>`. One word, no spaces. */
  value: {
    file: string;
    files: string;
    /** Files that may be left out (`cchc inspect [tệp...]`). */
    filesOptional: string;
    folder: string;
    text: string;
    date: string;
    n: string;
    name: string;
    spec: string;
    choice: string;
    command: string;
  };
  help: string;
  helpCommand: string;
  version: string;
  commands: Record<'score' | 'validate' | 'explain' | 'convert' | 'template' | 'inspect', string>;
  /** Option descriptions by long option name (without the dashes). */
  options: Record<string, string>;
  /** Descriptions of command arguments, by argument name. */
  arguments: Record<string, string>;
  /** "(--help: hướng dẫn)" after a command-line error. */
  seeHelp: (command: string) => string;
}

const vi: HelpText = {
  program: 'Tính Chỉ số cải cách hành chính (Chỉ số CCHC) từ bảng tính',
  titles: { usage: 'Cách dùng:', options: 'Tùy chọn:', commands: 'Lệnh:', arguments: 'Đối số:' },
  usage: { options: '[tùy-chọn]', command: '[lệnh]' },
  value: {
    file: '<tệp>',
    files: '<tệp...>',
    filesOptional: '[tệp...]',
    folder: '<thư-mục>',
    text: '<chữ>',
    date: '<YYYY-MM-DD>',
    n: '<số>',
    name: '<tên>',
    spec: '<quy-định>',
    choice: '<giá-trị>',
    command: '[lệnh]',
  },
  help: 'xem hướng dẫn của lệnh',
  helpCommand: 'xem hướng dẫn của một lệnh',
  version: 'in số phiên bản',
  commands: {
    score: 'chấm điểm, xếp hạng, xếp loại mọi đơn vị; in và ghi báo cáo',
    validate: 'kiểm tra dữ liệu đầu vào; chỉ in các cảnh báo và lỗi',
    explain:
      'giải trình điểm của một đơn vị theo từng tiêu chí: giá trị, cách tính, điểm, tự đánh giá và thẩm định, xếp hạng',
    convert: 'làm sạch bảng tính (bảng mã, phông TCVN3/VNI, dấu phẩy thập phân) và chuyển đổi dạng bảng',
    template: 'tạo biểu mẫu trống để các đơn vị điền, mỗi đơn vị một trang có khóa',
    inspect:
      'xem từng tệp được đọc thế nào: trang nào đọc, bỏ qua hay không hiểu được, dòng tiêu đề, ý nghĩa từng cột, đơn vị, số dòng',
  },
  options: {
    lang: 'ngôn ngữ của thông báo và báo cáo: vi (mặc định) hoặc en; cũng đặt được bằng biến CCHC_LANG',
    strict: 'coi cảnh báo là lỗi (mã thoát 1)',
    'no-color': 'không tô màu trên màn hình',
    config: 'tệp thiết lập (mặc định ./cchc.config.json nếu có); tùy chọn trên dòng lệnh được ưu tiên',
    criteria: 'bộ tiêu chí (xlsx, csv, xls; - là đầu vào chuẩn)',
    scores: 'các tệp điểm, nhiều tệp được (dạng long, wide hoặc biểu mẫu)',
    survey: 'các tệp điểm điều tra xã hội học, nhiều tệp được',
    'no-survey': 'xác nhận kỳ này không có điều tra XHH: chỉ số tính trên điểm thẩm định',
    stage: 'điểm được công bố: appraised (thẩm định, mặc định) hoặc self (tự đánh giá)',
    na: 'tiêu chí không phát sinh: exclude (bỏ khỏi điểm tối đa, mặc định) hoặc full (tính đủ điểm)',
    precision: 'số chữ số thập phân khi công bố (mặc định 2)',
    bands:
      'các mức xếp loại từ cao xuống thấp (mặc định "Xuất sắc>=90; Tốt>=80; Khá>=70; Trung bình>=50; Yếu")',
    'bands-file': 'bảng xếp loại riêng cho từng khối: khối, xếp loại, từ, so sánh',
    previous: 'kết quả kỳ trước: tệp JSON của cchc, hoặc bảng có đơn vị, xếp hạng, chỉ số',
    sheet: 'trang tính của các tệp --scores, theo tên hoặc số thứ tự (từ 1)',
    layout: 'buộc dạng bảng điểm: long, wide hoặc form',
    'max-rows': 'từ chối trang tính có nhiều dòng hơn (mặc định 2000000)',
    'max-inflated-bytes': 'từ chối tệp xlsx giải nén ra nhiều byte hơn (mặc định 536870912)',
    'max-cell-chars': 'từ chối ô (hoặc chuỗi dùng chung) dài hơn số ký tự này (mặc định 1048576)',
    'max-shared-strings': 'từ chối tệp xlsx có nhiều chuỗi dùng chung hơn (mặc định 2000000)',
    'max-shared-chars': 'từ chối tệp xlsx có chuỗi dùng chung dài hơn tổng số ký tự này (mặc định 67108864)',
    'max-sheets': 'từ chối tệp xlsx có nhiều trang tính hơn (mặc định 10000)',
    'max-columns': 'từ chối ô có giá trị nằm ngoài số cột này (mặc định 1024)',
    'max-merges': 'từ chối trang tính có nhiều vùng gộp ô hơn (mặc định 1000000)',
    diagnostics: 'ghi thêm danh sách cảnh báo và lỗi ra tệp (.csv, .json, .xlsx)',
    'score.format': 'định dạng in ra màn hình: table (mặc định), json, csv hoặc md',
    'score.out':
      'ghi báo cáo ra tệp, định dạng theo đuôi tệp (.json .csv .xlsx .md .html); dùng nhiều lần được',
    title: 'tiêu đề báo cáo (mặc định "Kết quả Chỉ số cải cách hành chính")',
    period: 'kỳ đánh giá, ví dụ "Năm 2025"',
    issuer: 'cơ quan ban hành báo cáo',
    date: 'ngày báo cáo (mặc định hôm nay, hoặc theo SOURCE_DATE_EPOCH)',
    'csv-delimiter': 'dấu phân cách của báo cáo CSV: "," (mặc định) hoặc ";" cho Excel cài đặt tiếng Việt',
    'validate.format': 'định dạng in ra: table (mặc định) hoặc json',
    unit: 'đơn vị cần giải trình (không phân biệt chữ hoa, khoảng trắng)',
    'explain.format': 'định dạng in ra: table (mặc định) hoặc json',
    'convert.out': 'tệp kết quả: .csv .tsv .xlsx .json theo đuôi tệp; - là CSV ra màn hình (mặc định)',
    'out-dir': 'ghi mỗi trang tính đầu vào thành một tệp trong thư mục này',
    'convert.format': 'định dạng tệp khi dùng --out-dir: csv (mặc định), tsv, xlsx hoặc json',
    'convert.sheet': 'trang tính cần chuyển, theo tên hoặc số thứ tự (mặc định: trang đầu tiên có dữ liệu)',
    to: 'chuyển bảng wide, biểu mẫu và điều tra XHH về dạng long',
    'convert.criteria': 'bộ tiêu chí, để nhận ra mã tiêu chí (cần cho --to long)',
    'convert.layout': 'buộc dạng bảng đầu vào khi dùng --to long: long, wide hoặc form',
    decimal: 'dấu thập phân của số trong CSV kết quả: comma hoặc dot (mặc định)',
    encoding: 'buộc bảng mã của CSV đầu vào: utf-8, utf-16le, utf-16be, windows-1258',
    'legacy-font': 'chuyển chữ phông cũ sang Unicode: auto (mặc định), tcvn3, vni hoặc none',
    bom: 'thêm dấu BOM UTF-8 vào đầu CSV (để Excel đọc đúng tiếng Việt)',
    'template.criteria': 'bộ tiêu chí (xlsx, csv, xls)',
    units: 'danh sách đơn vị: bảng có cột đơn vị và khối',
    'template.out': 'tệp biểu mẫu cần ghi (.xlsx, - là màn hình; mặc định forms.xlsx)',
    'template.sheet': 'trang tính của tệp bộ tiêu chí, theo tên hoặc số thứ tự (từ 1)',
    'template.na': 'tiêu chí không phát sinh: exclude hoặc full (biểu mẫu nhận KPS trừ khi bị cấm)',
    'inspect.criteria': 'bộ tiêu chí, để đối chiếu cả mã tiêu chí (không bắt buộc)',
    'inspect.survey': 'các tệp điều tra XHH cần xem',
    'inspect.sheet': 'chỉ xem trang tính này của các tệp điểm, theo tên hoặc số thứ tự (từ 1)',
    'inspect.layout': 'buộc dạng bảng điểm: long, wide hoặc form',
    'inspect.format': 'định dạng in ra: table (mặc định) hoặc json',
  },
  arguments: {
    files: 'các tệp đầu vào: xlsx, xls, csv, tsv, txt, json (do convert ghi); - là đầu vào chuẩn',
    inspectFiles: 'các tệp điểm cần xem (xlsx, xls, ods, csv; - là đầu vào chuẩn)',
    command: 'lệnh cần xem hướng dẫn',
  },
  seeHelp: (command) => `(xem hướng dẫn: ${command} --help)`,
};

const en: HelpText = {
  program: "Vietnam's administrative reform index (PAR Index, Chỉ số CCHC) from spreadsheets",
  titles: { usage: 'Usage:', options: 'Options:', commands: 'Commands:', arguments: 'Arguments:' },
  usage: { options: '[options]', command: '[command]' },
  value: {
    file: '<file>',
    files: '<files...>',
    filesOptional: '[files...]',
    folder: '<dir>',
    text: '<text>',
    date: '<YYYY-MM-DD>',
    n: '<n>',
    name: '<name>',
    spec: '<spec>',
    choice: '<value>',
    command: '[command]',
  },
  help: 'display help for the command',
  helpCommand: 'display help for a command',
  version: 'print the version number',
  commands: {
    score: 'score, rank and band every unit; print and write the reports',
    validate: 'check the inputs; print only the diagnostics',
    explain: "one unit's trace, leaf by leaf: raw value, rule, points, self vs appraised, subtotals, rank",
    convert: 'clean spreadsheets (encodings, TCVN3/VNI fonts, comma decimals) and reshape them',
    template: 'blank fill-in forms, one protected sheet per unit',
    inspect:
      'how each file is read: which sheets are read, skipped or not understood, the header rows, what each column is, the units, the rows',
  },
  options: {
    lang: 'language of messages and reports: vi (default) or en; also set by CCHC_LANG',
    strict: 'warnings fail the run (exit 1)',
    'no-color': 'no colours on the terminal',
    config: 'settings file (default ./cchc.config.json when present); command-line options win',
    criteria: 'criteria framework (xlsx, csv, xls; - for stdin)',
    scores: 'score files, repeatable (long, wide or form layout)',
    survey: 'survey files, repeatable',
    'no-survey': 'confirm that this period has no survey: the index is computed on appraisal alone',
    stage: 'which value is published: appraised (default) or self',
    na: 'N/A policy for leaves without their own: exclude (default) or full',
    precision: 'decimals of published values (default 2)',
    bands: 'bands, top down (default "Xuất sắc>=90; Tốt>=80; Khá>=70; Trung bình>=50; Yếu")',
    'bands-file': 'per-group band schemes: group, band, min, op',
    previous: 'an earlier JSON result of cchc, or a table with unit, rank, index',
    sheet: 'sheet of the --scores workbooks, by name or 1-based index',
    layout: 'force the scores layout: long, wide or form',
    'max-rows': 'refuse sheets with more rows (default 2000000)',
    'max-inflated-bytes': 'refuse xlsx files that inflate to more (default 536870912)',
    'max-cell-chars': 'refuse a cell (or shared string) with more characters (default 1048576)',
    'max-shared-strings': 'refuse xlsx files with more shared strings (default 2000000)',
    'max-shared-chars': 'refuse xlsx files whose shared strings hold more characters (default 67108864)',
    'max-sheets': 'refuse xlsx files with more sheets (default 10000)',
    'max-columns': 'refuse a value further right than this many columns (default 1024)',
    'max-merges': 'refuse sheets with more merged ranges (default 1000000)',
    diagnostics: 'also write the diagnostics to a file (.csv, .json, .xlsx)',
    'score.format': 'stdout format: table (default), json, csv or md',
    'score.out': 'write a report; format from the extension (.json .csv .xlsx .md .html); repeatable',
    title: 'report title (default "Administrative Reform Index results")',
    period: 'the period assessed, e.g. "2025"',
    issuer: 'the body issuing the report',
    date: 'report date (default today, or from SOURCE_DATE_EPOCH)',
    'csv-delimiter': 'field separator of CSV reports: "," (default) or ";" for Excel in Vietnamese settings',
    'validate.format': 'output format: table (default) or json',
    unit: 'the unit to explain (case and spacing ignored)',
    'explain.format': 'output format: table (default) or json',
    'convert.out': 'output: .csv .tsv .xlsx .json by extension; - = CSV on stdout (default)',
    'out-dir': 'one file per input sheet in this folder',
    'convert.format': 'file format under --out-dir: csv (default), tsv, xlsx or json',
    'convert.sheet': 'sheet to convert, by name or 1-based index (default: the first with data)',
    to: 'reshape wide, form and survey tables into the long layout',
    'convert.criteria': 'criteria framework, to recognise leaf codes (needed by --to long)',
    'convert.layout': 'force the input layout for --to long: long, wide or form',
    decimal: 'decimal mark of numbers in CSV output: comma or dot (default)',
    encoding: 'force the CSV input encoding: utf-8, utf-16le, utf-16be, windows-1258',
    'legacy-font': 'legacy font text to Unicode: auto (default), tcvn3, vni or none',
    bom: 'start CSV output with a UTF-8 byte order mark (for Excel)',
    'template.criteria': 'criteria framework (xlsx, csv, xls)',
    units: 'units list: a table with unit (đơn vị) and group (khối) columns',
    'template.out': 'the workbook to write (.xlsx, - for stdout; default forms.xlsx)',
    'template.sheet': 'sheet of the criteria file, by name or 1-based index',
    'template.na': 'N/A policy: exclude or full (forms accept KPS unless forbidden)',
    'inspect.criteria': 'criteria framework, to check the criterion codes too (optional)',
    'inspect.survey': 'survey files to inspect',
    'inspect.sheet': 'inspect only this sheet of the score files, by name or 1-based index',
    'inspect.layout': 'force the scores layout: long, wide or form',
    'inspect.format': 'output format: table (default) or json',
  },
  arguments: {
    files: 'inputs: xlsx, xls, csv, tsv, txt, json (written by convert); - for stdin',
    inspectFiles: 'score files to inspect (xlsx, xls, ods, csv; - for stdin)',
    command: 'the command to explain',
  },
  seeHelp: (command) => `(see: ${command} --help)`,
};

export const HELP: Record<Lang, HelpText> = { vi, en };
