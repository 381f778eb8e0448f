from autograder.suites import make_tests

globals().update(make_tests("07_vit_yama_gommesi"))
