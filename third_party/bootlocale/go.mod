module boot.pingxin.local/bootlocale

go 1.26.0
