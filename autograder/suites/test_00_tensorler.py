from autograder.suites import make_tests

globals().update(make_tests("00_tensorler"))
