/**
 * The custom functions' metadata in three languages: functions.json is generated from the JSDoc of
 * the function sources (English, the default); functions.zh-CN.json and functions.zh-TW.json are
 * that metadata with the descriptions of src/i18n/function-metadata/<locale>.json, the ids, names
 * and parameters unchanged. The manifest points Excel at the file of its display language. Used by
 * the build (webpack.config.js) and by `npm run validate`, which checks the three files offline.
 */
"use strict";
const fs = require("fs");
const path = require("path");

const ROOT = path.resolve(__dirname, "..");

/** The files whose `@customfunction` JSDoc is the English metadata. */
const FUNCTION_SOURCES = ["src/functions/functions.ts", "src/functions/credit.ts", "src/functions/sums.ts", "src/functions/measures.ts"];

/** The localized metadata: Office locale → file name in dist/. */
const LOCALIZED_FILES = { "zh-CN": "functions.zh-CN.json", "zh-TW": "functions.zh-TW.json" };

/** Pairs of a Simplified form and its Traditional form, for characters the metadata uses. */
const SIMPLIFIED_TRADITIONAL = [
  ..."发發 账帳 龄齡 区區 间間 称稱 认認 时時 计計 会會 报報 请請 写寫 单單 这這 样樣 个個 与與 并並 数數 组組 语語 减減 当當 为為",
  ..." 负負 罚罰 额額 从從 宽寬 优優 设設 万萬 后後 阶階 电電 话話 师師 坏壞 备備 内內 应應 开開 连連 续續 级級 临臨 过過 规規 评評",
  ..." 标標 则則 汇匯 汇彙 总總 确確 该該 贷貸 项項 结結 号號 随隨 递遞 笔筆 张張 于於 对對 转轉 简簡 赊賒 销銷 户戶 传傳 预預 储儲",
  ..." 栏欄 页頁 余餘 冲沖 准準 历歷 们們 据據 务務 货貨 币幣 际際 产產 业業 员員 经經 营營 达達 签簽 盖蓋 执執 诉訴 讼訟 约約 费費",
].join("")
  .split(" ")
  .filter((pair) => pair.length === 2)
  .map((pair) => [pair[0], pair[1]]);

const CJK = /[\u3400-\u9fff]/;

/**
 * The localized metadata of one language: the English metadata with its descriptions replaced.
 * A description the translation lacks stays English (the check below reports it).
 * @param {object} english the generated functions.json
 * @param {object} translation function id → { description, parameters: { name → description } }
 * @returns {object} the localized functions.json
 */
function localizeMetadata(english, translation) {
  return {
    ...english,
    functions: english.functions.map((fn) => {
      const words = translation[fn.id] || {};
      const parameterWords = words.parameters || {};
      return {
        ...fn,
        description: words.description || fn.description,
        parameters: fn.parameters.map((parameter) => ({ ...parameter, description: parameterWords[parameter.name] || parameter.description })),
      };
    }),
  };
}

/**
 * The translation of one locale, from src/i18n/function-metadata.
 * @param {string} locale "zh-CN" or "zh-TW"
 * @returns {object} function id → descriptions
 */
function readTranslation(locale) {
  return JSON.parse(fs.readFileSync(translationPath(locale), "utf8"));
}

/** Where the descriptions of a locale are kept. */
function translationPath(locale) {
  return path.join(ROOT, "src/i18n/function-metadata", `${locale}.json`);
}

/** Every description of a metadata file, with where it is. */
function descriptions(metadata) {
  return metadata.functions.flatMap((fn) => [
    { where: fn.id, text: fn.description },
    ...fn.parameters.map((parameter) => ({ where: `${fn.id}.${parameter.name}`, text: parameter.description })),
  ]);
}

/**
 * The problems of the three metadata files: the localized ones must declare the same ids, names
 * and parameters as the English one; every description must be present and in its language
 * (English without Chinese characters; Chinese with them, zh-CN in Simplified and zh-TW in
 * Traditional forms where the two differ).
 * @param {object} english functions.json
 * @param {Record<string, object>} localized locale → its functions.json
 * @returns {string[]} one line per problem; none when all is well
 */
function metadataProblems(english, localized) {
  const problems = [];
  for (const { where, text } of descriptions(english)) {
    if (typeof text !== "string" || text.trim() === "") problems.push(`functions.json: ${where} has no description`);
    else if (CJK.test(text)) problems.push(`functions.json: ${where} is not in English: ${text.slice(0, 40)}`);
  }
  const signature = (fn) => `${fn.id} ${fn.name} (${fn.parameters.map((p) => `${p.name}${p.optional ? "?" : ""}`).join(", ")})`;
  const expected = english.functions.map(signature);
  for (const [locale, metadata] of Object.entries(localized)) {
    const file = LOCALIZED_FILES[locale];
    const actual = metadata.functions.map(signature);
    if (actual.join("\n") !== expected.join("\n")) {
      const missing = expected.filter((line) => !actual.includes(line));
      const extra = actual.filter((line) => !expected.includes(line));
      problems.push(`${file}: functions differ from functions.json (missing: ${missing.join("; ") || "none"}; extra: ${extra.join("; ") || "none"})`);
    }
    const englishText = new Map(descriptions(english).map(({ where, text }) => [where, text]));
    // zh-TW must not use a Simplified form (pair[0]), zh-CN not a Traditional one (pair[1]).
    const wrongForm = locale === "zh-TW" ? 0 : 1;
    for (const { where, text } of descriptions(metadata)) {
      if (typeof text !== "string" || text.trim() === "") {
        problems.push(`${file}: ${where} has no description`);
        continue;
      }
      if (!CJK.test(text) || text === englishText.get(where)) problems.push(`${file}: ${where} is not in Chinese: ${text.slice(0, 40)}`);
      const foreign = SIMPLIFIED_TRADITIONAL.map((pair) => pair[wrongForm]).find((character) => text.includes(character));
      if (foreign) {
        const form = locale === "zh-TW" ? "Simplified" : "Traditional";
        problems.push(`${file}: ${where} uses the ${form} form ${foreign}: ${text.slice(0, 40)}`);
      }
    }
  }
  return problems;
}

/**
 * The English metadata generated from the sources, as the build does (for a check without dist/).
 * @returns {Promise<object>} functions.json
 */
async function generateEnglishMetadata() {
  const { generateCustomFunctionsMetadata } = require("custom-functions-metadata");
  const result = await generateCustomFunctionsMetadata(
    FUNCTION_SOURCES.map((file) => path.join(ROOT, file)),
    true,
  );
  if (result.errors.length > 0) throw new Error(result.errors.join("; "));
  return JSON.parse(result.metadataJson);
}

/**
 * A webpack plugin writing functions.<locale>.json beside the functions.json that
 * custom-functions-metadata-plugin emits.
 */
class LocalizedMetadataPlugin {
  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap("LocalizedMetadataPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "LocalizedMetadataPlugin", stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        const generated = compilation.getAsset("functions.json");
        if (!generated) return;
        const english = JSON.parse(generated.source.source().toString());
        for (const [locale, file] of Object.entries(LOCALIZED_FILES)) {
          compilation.fileDependencies.add(translationPath(locale));
          const localized = localizeMetadata(english, readTranslation(locale));
          compilation.emitAsset(file, new sources.RawSource(JSON.stringify(localized, null, 2)));
        }
      });
    });
  }
}

module.exports = {
  FUNCTION_SOURCES,
  LOCALIZED_FILES,
  SIMPLIFIED_TRADITIONAL,
  LocalizedMetadataPlugin,
  generateEnglishMetadata,
  localizeMetadata,
  metadataProblems,
  readTranslation,
};
