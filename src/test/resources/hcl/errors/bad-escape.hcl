x = "C:\path"
