module github.com/acme/tool

go 1.23

require github.com/spf13/cobra v1.8.1

require (
	github.com/gin-gonic/gin v1.10.0
	golang.org/x/sys v0.26.0 // indirect
)
