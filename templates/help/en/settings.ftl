· settings: your settings (order mail, language of notices). Example:
    settings
