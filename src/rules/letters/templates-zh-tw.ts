/**
 * The default letters and call script in Traditional Chinese: one template per letter stage of the default
 * ladder (pre-due notice, reminder, formal demand, lawyer's letter, legal summary), tone rising
 * with the stage. Earlier reminders are stated only through `{{earlierReminders}}` and
 * `{{contactHistory}}`, filled from the collection log and empty when it records none.
 */
import type { LetterTemplate } from "./templates";

const ZH_TW_HEAD = "致:{{customer}}\n聯絡人:{{contact}}\n日期:{{asOf}}\n\n";
const ZH_TW_PAY = "收款單位:{{company}}\n開戶銀行:{{bankName}}\n銀行帳號:{{bankAccount}}\n";
const ZH_TW_SIGN = "聯絡人:{{financeContact}}  電話:{{phone}}  電子郵件:{{email}}\n\n{{company}} 財務部\n{{asOf}}";

/**
 * The letters in Traditional Chinese.
 * @example ZH_TW_LETTERS.map((t) => t.stage) // ["preDue", "reminder", "formal", "lawyer", "legal"]
 */
export const ZH_TW_LETTERS: readonly LetterTemplate[] = [
  {
    lang: "zh-TW",
    stage: "preDue",
    subject: "到期付款提醒:{{dueSoonCount}}筆款項將於近日到期",
    body:
      ZH_TW_HEAD +
      "敬愛的客戶:\n\n感謝貴公司一直以來對{{company}}的信任與支持。\n\n" +
      "截至{{asOf}},貴公司有{{dueSoonCount}}筆款項將於近日到期,合計{{dueSoonTotal}}{{currencyUnit}}" +
      "(約{{dueSoonTotalWan}}萬{{currencyUnit}}),最早到期日為{{nextDueDate}}。明細如下:\n\n{{invoiceTable}}\n\n" +
      "煩請貴公司按期安排付款。收款帳戶如下:\n" +
      ZH_TW_PAY +
      "\n如款項已安排支付,請忽略本提醒;如對帳目有疑問,歡迎隨時與我們聯絡。\n\n" +
      ZH_TW_SIGN,
  },
  {
    lang: "zh-TW",
    stage: "reminder",
    subject: "付款提醒:{{overdueCount}}筆款項已過付款期限",
    body:
      ZH_TW_HEAD +
      "敬愛的客戶:\n\n經核對,截至{{asOf}},貴公司有{{overdueCount}}筆款項已過付款期限,合計{{overdueTotal}}{{currencyUnit}}" +
      "(約{{overdueTotalWan}}萬{{currencyUnit}})。明細如下:\n\n{{invoiceTable}}\n\n" +
      "請貴公司於{{replyBy}}前安排付款,並將付款憑證寄送至{{email}}。如款項已經支付,請告知付款日期與金額,以便我們及時核對。\n\n" +
      "收款帳戶如下:\n" +
      ZH_TW_PAY +
      "\n按時付款是雙方長期合作的基礎,感謝貴公司的配合。\n\n" +
      ZH_TW_SIGN,
  },
  {
    lang: "zh-TW",
    stage: "formal",
    subject: "正式催款函:逾期帳款{{overdueTotal}}{{currencyUnit}}",
    body:
      ZH_TW_HEAD +
      "敬愛的客戶:\n\n經本公司核對,截至{{asOf}},貴公司共有{{overdueCount}}筆應付帳款已逾期,逾期本金合計{{overdueTotal}}{{currencyUnit}}" +
      "(約{{overdueTotalWan}}萬{{currencyUnit}}),按每日{{interestRate}}計算的逾期利息合計{{interestTotal}}{{currencyUnit}};" +
      "貴公司在本公司的應收餘額合計{{outstandingTotal}}{{currencyUnit}}。明細如下:\n\n{{invoiceTable}}\n\n" +
      "{{earlierReminders}}上述款項至今仍未支付。現正式要求貴公司於{{replyBy}}前付清上述逾期本金及逾期利息,匯入以下帳戶:\n" +
      ZH_TW_PAY +
      "\n付款後請將付款憑證寄送至{{email}},並在下方回執簽字蓋章後回傳本公司確認。如對上述帳目有異議,請於同一日期前書面提出,逾期未提出視為確認。\n\n" +
      "如貴公司未能在上述期限內付款,本公司將暫停對貴公司供貨,調降直至取消貴公司的信用額度,後續交易改為款到發貨;逾期利息將繼續計收至實際付款之日。\n\n" +
      ZH_TW_SIGN +
      "\n\n—— 回執 ——\n本公司確認收到{{company}}於{{asOf}}發出的催款函,確認逾期本金{{overdueTotal}}{{currencyUnit}}無誤,並將於____年__月__日前付清。\n" +
      "客戶(蓋章):{{customer}}    簽字:__________    日期:__________",
  },
  {
    lang: "zh-TW",
    stage: "lawyer",
    subject: "律師函:關於{{customer}}拖欠{{company}}貨款事宜",
    body:
      ZH_TW_HEAD +
      "{{customer}}:\n\n{{company}}已就貴公司拖欠貨款一事委託法律顧問處理。根據雙方交易憑證及本公司帳冊記載,截至{{asOf}}," +
      "貴公司拖欠本公司到期貨款{{overdueCount}}筆,本金合計{{overdueTotal}}{{currencyUnit}}(約{{overdueTotalWan}}萬{{currencyUnit}})," +
      "逾期利息合計{{interestTotal}}{{currencyUnit}},最長已逾期{{maxDaysOverdue}}天。明細如下:\n\n{{invoiceTable}}\n\n" +
      "{{earlierReminders}}貴公司至今仍未付款,已構成違約。現正式函告:\n" +
      "一、請貴公司於{{replyBy}}前將上述逾期本金及逾期利息全部付清,匯入以下帳戶:\n" +
      ZH_TW_PAY +
      "二、自即日起,本公司已停止對貴公司供貨,並取消貴公司的信用額度。\n" +
      "三、逾期未付,本公司將不再另行通知,依法提起訴訟或申請仲裁,追討欠款本金、逾期利息以及由此產生的訴訟費、律師費、保全費等全部費用。\n\n" +
      "特此函告。\n\n聯絡人:{{financeContact}}  電話:{{phone}}  電子郵件:{{email}}\n\n{{company}}\n{{asOf}}",
  },
  {
    lang: "zh-TW",
    stage: "legal",
    subject: "法律程序移交摘要:{{customer}}",
    body:
      "法律程序移交摘要(內部)\n\n" +
      "客戶:{{customer}}\n客戶聯絡人:{{contact}}\n截止日期:{{asOf}}\n催收階段:{{stageName}}\n幣別:{{currency}}\n" +
      "逾期筆數:{{overdueCount}}\n逾期本金:{{overdueTotal}}{{currencyUnit}}(約{{overdueTotalWan}}萬{{currencyUnit}})\n" +
      "逾期利息(日利率{{interestRate}}):{{interestTotal}}{{currencyUnit}}\n應收餘額合計:{{outstandingTotal}}{{currencyUnit}}\n" +
      "最長逾期天數:{{maxDaysOverdue}}\n\n逾期明細(不含爭議發票):\n\n{{invoiceTable}}\n\n" +
      "催收記錄:{{contactHistory}}\n" +
      "建議:報公司管理階層核准後,委託律師事務所提起訴訟或交由專業機構催收,並考慮聲請財產保全。\n\n" +
      "經辦人:{{financeContact}}  電話:{{phone}}  電子郵件:{{email}}\n{{company}} 財務部",
  },
];

/**
 * The phone follow-up call script in Traditional Chinese: the same merge fields, rendered like a letter.
 * @example ZH_TW_CALL_SCRIPT.stage // "phone"
 */
export const ZH_TW_CALL_SCRIPT: LetterTemplate = {
  lang: "zh-TW",
  stage: "phone",
  subject: "電話催收:{{customer}}",
  body:
    "1. 您好,請問是{{customer}}的{{contact}}嗎?我是{{company}}財務部的{{financeContact}}。\n" +
    "2. 截至{{asOf}},我們的記錄顯示貴公司有{{overdueCount}}筆款項已逾期,合計{{overdueTotal}}{{currencyUnit}},最長已逾期{{maxDaysOverdue}}天。\n\n" +
    "{{invoiceTable}}\n\n" +
    "3. 請問款項未付的原因是什麼?是否對帳目有疑問?\n" +
    "4. 請確認具體付款日期與金額。我們需要在{{replyBy}}前收到款項。\n" +
    "5. 收款帳戶:{{bankName}} {{bankAccount}}。付款憑證請寄送至{{email}}。\n" +
    "6. 如逾期超過三十天仍未付款,本公司將發出正式催款函並計收逾期利息。\n" +
    "記錄:通話時間、接聽人、客戶說明的原因、承諾付款日期及金額。",
};
