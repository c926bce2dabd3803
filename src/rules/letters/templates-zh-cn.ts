/**
 * The default letters and call script in Simplified Chinese: one template per letter stage of the default
 * ladder (pre-due notice, reminder, formal demand, lawyer's letter, legal summary), tone rising
 * with the stage. Earlier reminders are stated only through `{{earlierReminders}}` and
 * `{{contactHistory}}`, filled from the collection log and empty when it records none.
 */
import type { LetterTemplate } from "./templates";

const ZH_CN_HEAD = "致:{{customer}}\n联系人:{{contact}}\n日期:{{asOf}}\n\n";
const ZH_CN_PAY = "收款单位:{{company}}\n开户银行:{{bankName}}\n银行账号:{{bankAccount}}\n";
const ZH_CN_SIGN = "联系人:{{financeContact}}  电话:{{phone}}  邮箱:{{email}}\n\n{{company}} 财务部\n{{asOf}}";

/**
 * The letters in Simplified Chinese.
 * @example ZH_CN_LETTERS.map((t) => t.stage) // ["preDue", "reminder", "formal", "lawyer", "legal"]
 */
export const ZH_CN_LETTERS: readonly LetterTemplate[] = [
  {
    lang: "zh-CN",
    stage: "preDue",
    subject: "到期付款提醒:{{dueSoonCount}}笔款项将于近日到期",
    body:
      ZH_CN_HEAD +
      "尊敬的客户:\n\n感谢贵公司一直以来对{{company}}的信任与支持。\n\n" +
      "截至{{asOf}},贵公司有{{dueSoonCount}}笔款项将于近日到期,合计{{dueSoonTotal}}{{currencyUnit}}" +
      "(约{{dueSoonTotalWan}}万{{currencyUnit}}),最早到期日为{{nextDueDate}}。明细如下:\n\n{{invoiceTable}}\n\n" +
      "烦请贵公司按期安排付款。收款账户如下:\n" +
      ZH_CN_PAY +
      "\n如款项已安排支付,请忽略本提醒;如对账目有疑问,欢迎随时与我们联系。\n\n" +
      ZH_CN_SIGN,
  },
  {
    lang: "zh-CN",
    stage: "reminder",
    subject: "付款提醒:{{overdueCount}}笔款项已过付款期限",
    body:
      ZH_CN_HEAD +
      "尊敬的客户:\n\n经核对,截至{{asOf}},贵公司有{{overdueCount}}笔款项已过付款期限,合计{{overdueTotal}}{{currencyUnit}}" +
      "(约{{overdueTotalWan}}万{{currencyUnit}})。明细如下:\n\n{{invoiceTable}}\n\n" +
      "请贵公司于{{replyBy}}前安排付款,并将付款凭证发送至{{email}}。如款项已经支付,请告知付款日期和金额,以便我们及时核对。\n\n" +
      "收款账户如下:\n" +
      ZH_CN_PAY +
      "\n按时付款是双方长期合作的基础,感谢贵公司的配合。\n\n" +
      ZH_CN_SIGN,
  },
  {
    lang: "zh-CN",
    stage: "formal",
    subject: "正式催款函:逾期账款{{overdueTotal}}{{currencyUnit}}",
    body:
      ZH_CN_HEAD +
      "尊敬的客户:\n\n经我司核对,截至{{asOf}},贵公司共有{{overdueCount}}笔应付账款已逾期,逾期本金合计{{overdueTotal}}{{currencyUnit}}" +
      "(约{{overdueTotalWan}}万{{currencyUnit}}),按每日{{interestRate}}计算的逾期利息合计{{interestTotal}}{{currencyUnit}};" +
      "贵公司在我司的应收余额合计{{outstandingTotal}}{{currencyUnit}}。明细如下:\n\n{{invoiceTable}}\n\n" +
      "{{earlierReminders}}上述款项至今仍未支付。现正式要求贵公司于{{replyBy}}前付清上述逾期本金及逾期利息,汇入以下账户:\n" +
      ZH_CN_PAY +
      "\n付款后请将付款凭证发送至{{email}},并在下方回执签字盖章后回传我司确认。如对上述账目有异议,请于同一日期前书面提出,逾期未提出视为确认。\n\n" +
      "如贵公司未能在上述期限内付款,我司将暂停对贵公司供货,下调直至取消贵公司的信用额度,后续交易改为款到发货;逾期利息将继续计收至实际付款之日。\n\n" +
      ZH_CN_SIGN +
      "\n\n—— 回执 ——\n本公司确认收到{{company}}于{{asOf}}发出的催款函,确认逾期本金{{overdueTotal}}{{currencyUnit}}无误,并将于____年__月__日前付清。\n" +
      "客户(盖章):{{customer}}    签字:__________    日期:__________",
  },
  {
    lang: "zh-CN",
    stage: "lawyer",
    subject: "律师函:关于{{customer}}拖欠{{company}}货款事宜",
    body:
      ZH_CN_HEAD +
      "{{customer}}:\n\n{{company}}已就贵公司拖欠货款一事委托法律顾问处理。根据双方交易凭证及我司账册记载,截至{{asOf}}," +
      "贵公司拖欠我司到期货款{{overdueCount}}笔,本金合计{{overdueTotal}}{{currencyUnit}}(约{{overdueTotalWan}}万{{currencyUnit}})," +
      "逾期利息合计{{interestTotal}}{{currencyUnit}},最长已逾期{{maxDaysOverdue}}天。明细如下:\n\n{{invoiceTable}}\n\n" +
      "{{earlierReminders}}贵公司至今仍未付款,已构成违约。现正式函告:\n" +
      "一、请贵公司于{{replyBy}}前将上述逾期本金及逾期利息全部付清,汇入以下账户:\n" +
      ZH_CN_PAY +
      "二、自即日起,我司已停止对贵公司供货,并取消贵公司的信用额度。\n" +
      "三、逾期未付,我司将不再另行通知,依法提起诉讼或申请仲裁,追讨欠款本金、逾期利息以及由此产生的诉讼费、律师费、保全费等全部费用。\n\n" +
      "特此函告。\n\n联系人:{{financeContact}}  电话:{{phone}}  邮箱:{{email}}\n\n{{company}}\n{{asOf}}",
  },
  {
    lang: "zh-CN",
    stage: "legal",
    subject: "法律程序移交摘要:{{customer}}",
    body:
      "法律程序移交摘要(内部)\n\n" +
      "客户:{{customer}}\n客户联系人:{{contact}}\n截止日期:{{asOf}}\n催收阶段:{{stageName}}\n币种:{{currency}}\n" +
      "逾期笔数:{{overdueCount}}\n逾期本金:{{overdueTotal}}{{currencyUnit}}(约{{overdueTotalWan}}万{{currencyUnit}})\n" +
      "逾期利息(日利率{{interestRate}}):{{interestTotal}}{{currencyUnit}}\n应收余额合计:{{outstandingTotal}}{{currencyUnit}}\n" +
      "最长逾期天数:{{maxDaysOverdue}}\n\n逾期明细(不含争议发票):\n\n{{invoiceTable}}\n\n" +
      "催收记录:{{contactHistory}}\n" +
      "建议:报公司管理层批准后,委托律师事务所提起诉讼或交由专业机构催收,并考虑申请财产保全。\n\n" +
      "经办人:{{financeContact}}  电话:{{phone}}  邮箱:{{email}}\n{{company}} 财务部",
  },
];

/**
 * The phone follow-up call script in Simplified Chinese: the same merge fields, rendered like a letter.
 * @example ZH_CN_CALL_SCRIPT.stage // "phone"
 */
export const ZH_CN_CALL_SCRIPT: LetterTemplate = {
  lang: "zh-CN",
  stage: "phone",
  subject: "电话催收:{{customer}}",
  body:
    "1. 您好,请问是{{customer}}的{{contact}}吗?我是{{company}}财务部的{{financeContact}}。\n" +
    "2. 截至{{asOf}},我们的记录显示贵公司有{{overdueCount}}笔款项已逾期,合计{{overdueTotal}}{{currencyUnit}},最长已逾期{{maxDaysOverdue}}天。\n\n" +
    "{{invoiceTable}}\n\n" +
    "3. 请问款项未付的原因是什么?是否对账目有疑问?\n" +
    "4. 请确认具体付款日期和金额。我们需要在{{replyBy}}前收到款项。\n" +
    "5. 收款账户:{{bankName}} {{bankAccount}}。付款凭证请发送至{{email}}。\n" +
    "6. 如逾期超过三十天仍未付款,我司将发出正式催款函并计收逾期利息。\n" +
    "记录:通话时间、接听人、客户说明的原因、承诺付款日期及金额。",
};
