import json
import sys

text = json.load(sys.stdin)["text"]
json.dump({"words": len(text.split()), "lines": len(text.splitlines())}, sys.stdout)
