· help [command]: the commands, or one command's template. Example:
    help product new
