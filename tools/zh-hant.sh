#!/bin/bash
# Makes the zh-Hant files from the zh ones: OpenCC's s2twp (Taiwan characters and phrases, Debian
# package opencc), then the terms providers in Taiwan and Hong Kong use. Read the diff before
# committing: a phrase the converter gets wrong is fixed here, not by hand in the output.
set -euo pipefail
cd "$(dirname "$0")/../templates"
fix() {
  opencc -c s2twp.json | sed -e 's/稽核/審核/g; s/透過/通過/g; s/回複/回覆/g; s/“/「/g; s/”/」/g; s/後臺/後台/g; s/賬/帳/g' \
    -e 's/^# 简体中文 (the default)/# 繁體中文 (Taiwan, Hong Kong)/; s/^# 簡體中文 (the default)/# 繁體中文 (Taiwan, Hong Kong)/'
}
fix < messages/zh.properties > messages/zh-Hant.properties
for d in mail help; do
  mkdir -p "$d/zh-Hant"
  for f in "$d"/zh/*; do fix < "$f" > "$d/zh-Hant/$(basename "$f")"; done
done
sed -i 's/^keyword.account.update = .*/keyword.account.update = 修改帳戶資訊 | 修改帳號資訊 | 修改帳戶資料/; s/^keyword.account = .*/keyword.account = 帳戶資訊 | 帳號資訊 | 帳戶資料/; s/^keyword.login = .*/keyword.login = 登入 | 登錄/; s/^keyword.product.view = .*/keyword.product.view = 檢視商品 | 查看商品 | 商品詳情/; s/^keyword.review.pending = .*/keyword.review.pending = 待審核 | 待審/; s/^page.layout.1 = .*/page.layout.1 = zh-Hant/' messages/zh-Hant.properties
sed -i 's/msg("zh", /msg("zh-Hant", /g' mail/zh-Hant/*.ftl
