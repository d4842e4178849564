x = [for s of var.list : s]
