· settings language zh|zh-Hant|en|auto: the language of your notices (auto: the one you last wrote in). Example:
    settings language en
