Subject: (part of a reply)
这一行在“${marker}”下面，那一行看起来像引用原邮件的开头，但不能确定。为免执行引用里的命令，这条命令还没有执行：
    ${line}
