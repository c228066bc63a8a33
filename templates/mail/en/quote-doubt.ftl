Subject: (part of a reply)
This line stands below "${marker}", which looks like the start of a quoted mail but may not be one. So that a quoted command never runs, this one has not run yet:
    ${line}
