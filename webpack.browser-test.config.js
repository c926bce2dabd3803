/**
 * Build of the browser-test host page: test/browser/host.tsx installs the Excel stand-in's
 * `Excel` and `Office` on window over a sample workbook, then loads the real pane bootstrap
 * (src/taskpane/index.tsx), which starts the jobs worker (jobs-worker.js, built beside it).
 * Output: test-artifacts/browser-host/ (git-ignored), served by the browser tests from 127.0.0.1.
 * No external URL anywhere in the page.
 */
/* eslint-env node */
"use strict";
const path = require("path");
const HtmlWebpackPlugin = require("html-webpack-plugin");

/** Where the host page is written. */
const OUTPUT = path.resolve(__dirname, "test-artifacts", "browser-host");

module.exports = {
  mode: "production",
  devtool: false,
  entry: { host: "./test/browser/host.tsx", "jobs-worker": "./src/jobs/worker/main.ts" },
  output: { path: OUTPUT, filename: "[name].js", clean: true },
  resolve: { extensions: [".ts", ".tsx", ".js"] },
  module: {
    rules: [
      {
        test: /\.tsx?$/,
        exclude: /node_modules/,
        use: {
          loader: "ts-loader",
          // ES modules out of TypeScript, so webpack can tree-shake Fluent (CommonJS pulls in every icon).
          options: { transpileOnly: true, compilerOptions: { module: "es2020", sourceMap: false } },
        },
      },
    ],
  },
  performance: { hints: false },
  plugins: [
    new HtmlWebpackPlugin({
      filename: "index.html",
      chunks: ["host"],
      templateContent:
        '<!doctype html><html><head><meta charset="UTF-8" />' +
        '<meta http-equiv="Content-Security-Policy" content="default-src \'self\'; worker-src \'self\'; img-src \'self\' data:; style-src \'self\' \'unsafe-inline\'; object-src \'none\'" />' +
        "<title>AR pane test host</title></head><body><div id=\"root\"></div></body></html>",
    }),
  ],
};

