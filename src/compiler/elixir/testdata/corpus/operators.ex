a = 1 + 2 * 3 - 4 / 5
b = (1 + 2) * 3
c = x == y and y != z or not w
d = x === y || y !== z && !w
e = a < b and b <= c and c > d and d >= e
f = [1] ++ [2] -- [3]
g = "a" <> "b"
h = x |> f() |> g(1) |> Mod.h()
i = -x
j = x in [1, 2]
k = 2 ** 10
l = ^pinned = value
m = [h | t]
n = [1, 2 | rest]
o = x |> then(&(&1 + 1))
p = a = b = 1
q = not true
r = @attr
s = x.field
t = map.key.nested
u = 1..10//3
v = Enum.reduce(l, 0, &+/2) |> Enum.map(&-/1)
