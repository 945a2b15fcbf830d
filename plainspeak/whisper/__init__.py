"""The whispering service: live captions in, plain English out, fanned out to viewers."""
