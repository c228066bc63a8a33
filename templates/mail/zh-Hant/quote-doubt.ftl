Subject: (part of a reply)
這一行在「${marker}」下面，那一行看起來像引用原郵件的開頭，但不能確定。為免執行引用裡的命令，這條命令還沒有執行：
    ${line}
