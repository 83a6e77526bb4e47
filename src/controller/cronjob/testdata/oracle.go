package main

import (
	"bufio"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/robfig/cron/v3"
)

// Input lines:
//   NEXT\t<spec>\t<zone>\t<from unix>\t<n>   -> next n activations (unix), "0" for zero time, or "ERR <msg>"
//   DATE\t<zone>\t<y>\t<mo>\t<d>\t<h>\t<mi>\t<s> -> unix of time.Date
//   OFF\t<zone>\t<unix>                      -> offset
func main() {
	sc := bufio.NewScanner(os.Stdin)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	for sc.Scan() {
		f := strings.Split(sc.Text(), "\t")
		switch f[0] {
		case "NEXT":
			func() {
				defer func() {
					if r := recover(); r != nil {
						fmt.Fprintf(out, "PANIC %v\n", r)
					}
				}()
				loc := time.UTC
				if f[2] != "UTC" {
					l, err := time.LoadLocation(f[2])
					if err != nil {
						fmt.Fprintf(out, "ERRZONE %v\n", err)
						return
					}
					loc = l
				}
				s, err := cron.ParseStandard(f[1])
				if err != nil {
					fmt.Fprintf(out, "ERR %v\n", err)
					return
				}
				from, _ := strconv.ParseInt(f[3], 10, 64)
				n, _ := strconv.Atoi(f[4])
				t := time.Unix(from, 0).In(loc)
				res := []string{}
				for i := 0; i < n; i++ {
					t = s.Next(t)
					if t.IsZero() {
						res = append(res, "Z")
						break
					}
					res = append(res, strconv.FormatInt(t.Unix(), 10))
				}
				fmt.Fprintln(out, strings.Join(res, " "))
			}()
		case "DATE":
			loc, err := time.LoadLocation(f[1])
			if err != nil {
				fmt.Fprintf(out, "ERRZONE %v\n", err)
				continue
			}
			v := make([]int, 6)
			for i := range v {
				v[i], _ = strconv.Atoi(f[2+i])
			}
			t := time.Date(v[0], time.Month(v[1]), v[2], v[3], v[4], v[5], 0, loc)
			fmt.Fprintln(out, t.Unix())
		case "OFF":
			loc, err := time.LoadLocation(f[1])
			if err != nil {
				fmt.Fprintf(out, "ERRZONE %v\n", err)
				continue
			}
			u, _ := strconv.ParseInt(f[2], 10, 64)
			_, off := time.Unix(u, 0).In(loc).Zone()
			fmt.Fprintln(out, off)
		}
	}
}
