# Later files win: this dev override turns private nodes off (a finding a rule should report).
private_nodes = false
